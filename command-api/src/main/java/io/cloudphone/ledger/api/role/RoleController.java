package io.cloudphone.ledger.api.role;

import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.user.UserInput;
import io.cloudphone.ledger.platform.openapi.Access;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Roles and permissions: readable by any authenticated user; changed with {@code role:admin} (see SecurityConfiguration). */
@RestController
class RoleController {

    static final int PERMISSIONS_MAX = 64;
    static final Pattern PERMISSION = Pattern.compile("[a-z][a-z-]*:[a-z][a-z-]*");

    private final RoleCommands commands;
    private final RoleRepository roles;

    RoleController(RoleCommands commands, RoleRepository roles) {
        this.commands = commands;
        this.roles = roles;
    }

    record RoleBody(String name, List<String> permissions) {
    }

    @Access("any user's token")
    @GetMapping("/v1/roles")
    List<Role> list() {
        return roles.all();
    }

    @Access("any user's token")
    @GetMapping("/v1/permissions")
    List<String> permissions() {
        return roles.permissionNames();
    }

    @Access("role:admin")
    @ApiResponse(responseCode = "201", description = "Created: the new role")
    @PostMapping("/v1/roles")
    ResponseEntity<Role> create(@RequestBody RoleBody body) {
        String name = UserInput.roleName(body.name());
        Role role = commands.create(name, permissions(body.permissions()));
        return ResponseEntity.created(URI.create("/v1/roles/" + name)).body(role);
    }

    @Access("role:admin")
    @PutMapping("/v1/roles/{name}")
    Role update(@PathVariable String name, @RequestBody RoleBody body) {
        return commands.update(UserInput.roleName(name), permissions(body.permissions()));
    }

    private static List<String> permissions(List<String> permissions) {
        if (permissions == null || permissions.size() > PERMISSIONS_MAX) {
            throw ApiProblem.invalid("permissions must list 0 to " + PERMISSIONS_MAX + " permissions");
        }
        for (String permission : permissions) {
            if (permission == null || !PERMISSION.matcher(permission).matches()) {
                throw ApiProblem.invalid("'" + permission + "' is not a permission name (resource:action)");
            }
        }
        return permissions.stream().distinct().sorted().toList();
    }
}
