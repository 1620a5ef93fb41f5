package io.cloudphone.ledger.launcher.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a component's config from its template in infra/config: every {@code @NAME@} replaced by its value.
 * A placeholder left over means the template and the launcher are out of step: refused, never written.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("@[A-Z][A-Z0-9_]*@");

    private Templates() {
    }

    public static String fill(String template, Map<String, String> values) {
        String content = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            content = content.replace("@" + value.getKey() + "@", value.getValue());
        }
        Matcher left = PLACEHOLDER.matcher(content);
        if (left.find()) {
            throw new LauncherException("template has an unfilled placeholder " + left.group());
        }
        return content;
    }

    /**
     * Writes the rendered template atomically (a temporary file moved into place).
     *
     * @param secret readable by its owner only (a password or key inside)
     */
    public static void render(Path template, Path out, Map<String, String> values, boolean secret) {
        try {
            String content;
            try {
                content = fill(Files.readString(template), values);
            } catch (LauncherException e) {
                throw new LauncherException(template + ": " + e.getMessage());
            }
            Files.createDirectories(out.getParent());
            Path temporary = out.resolveSibling(out.getFileName() + ".tmp");
            Files.writeString(temporary, content + (content.endsWith("\n") ? "" : "\n"));
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + template + " into " + out, e);
        }
    }

    public static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
