package io.cloudphone.ledger.launcher.component;

import io.cloudphone.ledger.launcher.core.Http;
import io.cloudphone.ledger.launcher.core.StackContext;
import io.cloudphone.ledger.launcher.core.Templates;
import io.cloudphone.ledger.launcher.process.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * S3Proxy standing in for MinIO (the same S3 API; production points the MinIO SDK at real MinIO): a filesystem
 * store, AWS V2/V4 signatures checked. Its own process, never on an application's class path (it bundles
 * unrelocated Guava, Jackson and logback).
 */
public final class S3Proxy implements Component {

    @Override
    public String name() {
        return "s3proxy";
    }

    @Override
    public List<String> portVariables() {
        return List.of("CPL_S3_PORT");
    }

    @Override
    public List<String> missingArtifacts(StackContext context) {
        return Files.isRegularFile(jar(context)) ? List.of() : List.of("s3proxy: artifact missing: " + jar(context));
    }

    @Override
    public void prepare(StackContext context) {
        Path data = context.state().data().resolve("s3");
        Registry.mkdirs(data);
        Templates.render(context.config("s3proxy.properties.template"), context.state().conf().resolve("s3proxy/s3proxy.properties"),
                Map.of("CPL_S3_PORT", context.settings().get("CPL_S3_PORT"),
                        "CPL_S3_ACCESS_KEY", context.settings().get("CPL_S3_ACCESS_KEY"),
                        "CPL_S3_SECRET_KEY", context.settings().get("CPL_S3_SECRET_KEY"),
                        "S3_DATA_DIR", data.toString()), true);
    }

    @Override
    public ProcessSpec launch(StackContext context) {
        List<String> command = new ArrayList<>(List.of(context.java().toString(), "-Xmx128m"));
        command.addAll(context.javaOptions(name()));
        command.addAll(List.of("-jar", jar(context).toString(), "--properties",
                context.state().conf().resolve("s3proxy/s3proxy.properties").toString()));
        return new ProcessSpec(command, context.state().data().resolve("s3"), Map.of(), marker(context));
    }

    /** Any HTTP answer (403 for an unsigned request) means the S3 API is serving. */
    @Override
    public boolean healthy(StackContext context) {
        return Http.get("http://127.0.0.1:" + context.settings().get("CPL_S3_PORT") + "/").status() != 0;
    }

    private static Path jar(StackContext context) {
        return context.settings().stackArtifacts().resolve("lib/s3proxy.jar");
    }
}
