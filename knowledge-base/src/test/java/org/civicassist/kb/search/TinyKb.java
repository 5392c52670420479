package org.civicassist.kb.search;

import org.civicassist.kb.io.FaqJsonl;
import org.civicassist.kb.model.Faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A small knowledge base of varied domains, written into a directory in the shared KB format. */
final class TinyKb {

    static final String SHEBAO_GUIDE = """
            ---
            id: guide-shebao-card-reissue
            title: 社会保障卡挂失补领
            domain: 社保
            department: 市人力资源和社会保障局
            ---
            ## 办理材料
            本人有效身份证件原件；代办的还需代办人身份证件原件。
            ## 办理时限
            即时制卡网点现场约 15 分钟取卡；线上申请 10 个工作日内制卡。
            ## 收费标准
            遗失补卡工本费 20 元；低保对象、特困供养人员免收。
            ## 办理地点
            市政务服务中心 1 楼社保卡专窗，各区政务服务中心人社窗口。
            """;

    static final String GJJ_GUIDE = """
            ---
            id: guide-gjj-rent
            title: 住房公积金租房提取
            domain: 公积金
            ---
            ## 办理条件
            职工及配偶在本市无自有住房且租房居住，连续足额缴存住房公积金满 3 个月。
            ## 申请材料
            身份证、本人名下银行卡；提取额度超过标准的还需租赁合同和租金发票。
            ## 办理时限
            材料齐全的，3 个工作日内到账。
            """;

    static final String PASSPORT_GUIDE = """
            ---
            id: guide-passport
            title: 普通护照首次申领
            domain: 出入境
            ---
            ## 申请材料
            居民身份证、近期彩色证件照片；未满 16 周岁的还需监护人陪同。
            ## 办理时限
            受理之日起 7 个工作日内签发。
            ## 收费标准
            普通护照每本 120 元。
            """;

    static final List<Faq> FAQS = List.of(
            new Faq("faq-shebao-lost", "社保", "社保卡丢了怎么补办？", List.of("社保卡遗失了怎么办", "社保卡被偷了如何补卡"),
                    "先挂失再补卡：拨打 12333 或在 App 挂失，然后带身份证到即时制卡网点补卡，工本费 20 元。",
                    "guide-shebao-card-reissue"),
            new Faq("faq-gjj-rent", "公积金", "租房可以提取公积金吗？", List.of("租房提取公积金需要什么条件", "怎么用公积金付房租"),
                    "可以。本市无自有住房且连续缴存满 3 个月的职工，可每月或每季度提取公积金支付房租。", "guide-gjj-rent"),
            new Faq("faq-passport-time", "出入境", "办护照要多长时间？", List.of("护照多久能拿到"),
                    "受理之日起 7 个工作日内签发，可选择邮寄或到窗口领取。", "guide-passport"),
            new Faq("faq-hukou-newborn", "户籍", "新生儿怎么上户口？", List.of("宝宝出生后如何落户", "小孩报户口要什么材料"),
                    "出生一个月内，由父母带出生医学证明、户口簿和结婚证，到户籍所在地派出所办理出生登记。", null),
            new Faq("faq-driver-renew", "交通", "驾驶证到期了怎么换证？", List.of("驾照过期换证流程", "驾驶证有效期满怎么办"),
                    "有效期满前 90 日内，带身份证和体检证明到车管所或在交管 App 申请换证。", null),
            new Faq("faq-business-license", "市场监管", "个体工商户营业执照怎么办理？", List.of("开个小店怎么办营业执照", "个体户注册流程"),
                    "经营者带身份证和经营场所证明，到区市场监管局窗口或在网上登记，材料齐全当场发照。", null),
            new Faq("faq-residence-permit", "户籍", "外地人怎么办居住证？", List.of("居住证申领条件", "非本市户籍办理居住证"),
                    "在本市居住满半年并有合法稳定就业、住所或连续就读的，带身份证和居住证明到社区警务室申领。", null),
            new Faq("faq-medical-remote", "医保", "异地就医怎么报销？", List.of("在外地看病医保能报吗", "异地就医备案怎么办"),
                    "先在医保 App 办理异地就医备案，之后在备案地定点医院看病可直接结算；未备案的回参保地手工报销。", null));

    private TinyKb() {
    }

    static Path write(Path dir) {
        try {
            Files.createDirectories(dir.resolve("guides"));
            Files.writeString(dir.resolve("guides/guide-shebao-card-reissue.md"), SHEBAO_GUIDE, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("guides/guide-gjj-rent.md"), GJJ_GUIDE, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("guides/guide-passport.md"), PASSPORT_GUIDE, StandardCharsets.UTF_8);
            writeFaqs(dir, FAQS);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeFaqs(Path dir, List<Faq> faqs) {
        FaqJsonl.write(dir.resolve("faq.jsonl"), faqs);
    }

    /** The FAQs with one of them changed. */
    static List<Faq> with(String id, UnaryOperator<Faq> change) {
        List<Faq> out = new ArrayList<>();
        for (Faq faq : FAQS) {
            out.add(faq.id().equals(id) ? change.apply(faq) : faq);
        }
        return out;
    }

    static Faq withAnswer(Faq faq, String answer) {
        return new Faq(faq.id(), faq.domain(), faq.question(), faq.similar(), answer, faq.guideId());
    }
}
