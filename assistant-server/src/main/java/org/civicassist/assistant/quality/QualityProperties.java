package org.civicassist.assistant.quality;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings under {@code assistant.quality.*}: the evaluation the maintainers' console runs on the served KB. The
 * server never runs the evaluation itself (the harness, module eval, measures the server's code from outside): it
 * starts {@code command} as a process of its own and appends {@code --kb <the served KB> --reports <run directory>},
 * e.g. {@code java -jar eval/target/eval.jar regress eval/regressions/dev.yaml eval/regressions/common.yaml}.
 *
 * @param command          the command line, one argument an entry; empty (the default) turns the quality screen off
 * @param reports          where each run's directory (its reports, run.json) is kept
 * @param workingDirectory the directory the command runs in (the relative paths of the command and of the
 *                         regression files are resolved there); empty: the server's own
 * @param timeout          a run still going after this long is ended and counts as failed
 * @param tailLines        how many of the last lines of the command's output the status shows
 */
@ConfigurationProperties("assistant.quality")
public record QualityProperties(@DefaultValue({}) List<String> command,
                                @DefaultValue("data/quality") Path reports,
                                Path workingDirectory,
                                @DefaultValue("30m") Duration timeout,
                                @DefaultValue("40") int tailLines) {

    public QualityRunner.Settings settings() {
        return new QualityRunner.Settings(command, reports, workingDirectory, timeout, tailLines);
    }
}
