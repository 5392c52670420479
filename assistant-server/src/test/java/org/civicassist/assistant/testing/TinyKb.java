package org.civicassist.assistant.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.civicassist.kb.rank.RankingModels;

/** A knowledge base of two guides and three FAQs, written to a directory, for tests that need a few answers. */
public final class TinyKb {

    private TinyKb() {
    }

    public static Path writeTo(Path dir) {
        try {
            Path guides = Files.createDirectories(dir.resolve("guides"));
            Files.writeString(guides.resolve("guide-card.md"), """
                    ---
                    id: guide-card
                    title: 社会保障卡补领
                    domain: 社保
                    url: https://example.gov.cn/guide-card
                    ---
                    ## 事项简介
                    社会保障卡遗失或损坏的，先挂失，再到窗口或网上补领。

                    ## 申请材料
                    居民身份证原件。

                    ## 办理时限
                    窗口即时制卡；网上申请 10 个工作日内寄出。
                    """, StandardCharsets.UTF_8);
            Files.writeString(guides.resolve("guide-passport.md"), """
                    ---
                    id: guide-passport
                    title: 普通护照签发
                    domain: 出入境
                    ---
                    ## 申请材料
                    居民身份证、近期免冠照片。

                    ## 办理时限
                    7 个工作日。
                    """, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("faq.jsonl"), String.join("\n",
                    "{\"id\": \"faq-card-lost\", \"domain\": \"社保\", \"question\": \"社保卡丢了怎么补办？\", "
                            + "\"similar\": [\"社保卡遗失了如何补领\"], \"answer\": \"先挂失，再带身份证到窗口补领。\", "
                            + "\"guide\": \"guide-card\"}",
                    "{\"id\": \"faq-card-fee\", \"domain\": \"社保\", \"question\": \"补办社保卡要钱吗？\", "
                            + "\"answer\": \"遗失补卡工本费 20 元。\", \"guide\": \"guide-card\"}",
                    "{\"id\": \"faq-passport-time\", \"domain\": \"出入境\", \"question\": \"办护照要多久？\", "
                            + "\"answer\": \"7 个工作日。\", \"guide\": \"guide-passport\"}") + "\n",
                    StandardCharsets.UTF_8);
            // A KB may carry its own ranking model: this one is a frozen copy of a demo-KB fit with thresholds set for
            // the tiny KB, so that the replies tests expect do not move with the demo KB's next refit.
            try (InputStream model = TinyKb.class.getResourceAsStream("tiny-ranking-model.json")) {
                Files.copy(Objects.requireNonNull(model, "tiny-ranking-model.json"),
                        dir.resolve(RankingModels.FILE_NAME));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
