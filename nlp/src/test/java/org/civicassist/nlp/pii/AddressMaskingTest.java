package org.civicassist.nlp.pii;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.civicassist.nlp.pii.Masking.kinds;
import static org.civicassist.nlp.pii.Masking.NLP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Addresses down to the house number: the house number and everything below it becomes [地址], the road, community or
 * village stays. Numbered service places (windows, lines, documents, a service centre's floors), dates and a road
 * named alone are left exactly as typed.
 */
class AddressMaskingTest {

    // --- addresses ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "我住在江州市东城区幸福路18号3栋2单元501 | 我住在江州市东城区幸福路[地址]",
            "江州市东城区幸福路18号3栋2单元501，社保卡寄到哪 | 江州市东城区幸福路[地址]，社保卡寄到哪",
            "幸福路十八号三栋二单元五零一 | 幸福路[地址]",
            "幸福路１８号３栋２单元５０１室 | 幸福路[地址]",
            "幸福路18号 3栋 2单元 501 | 幸福路[地址]",
            "我家在幸福路18号 | 我家在幸福路[地址]",
            "地址：和平街7号院2号楼301 | 地址：和平街[地址]",
            "幸福小区3-2-501 | 幸福小区[地址]",
            "我住阳光小区2号楼1203 | 我住阳光小区[地址]",
            "阳光小区5栋2单元 | 阳光小区[地址]",
            "李庄村三组12号 | 李庄村[地址]",
            "我家是李庄村三组的 | 我家是李庄村[地址]的",
            "幸福路123弄4号 | 幸福路[地址]",
            "补办社保卡要钱吗 我住东门街道七号院 | 补办社保卡要钱吗 我住东门街道[地址]",
            "3栋2单元501的房子能落户吗 | [地址]的房子能落户吗",
    })
    void masks_the_house_number_and_below_and_keeps_the_road(String raw, String masked) {
        assertThat(NLP.mask(raw)).isEqualTo(masked);
        assertThat(kinds(raw)).containsExactly(PiiKind.ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "3号窗口在哪", "坐地铁5号线到市民中心", "第2号文件怎么规定的", "打12345问问", "市民中心1号楼大厅几点开门",
            "市民中心2号楼3层办理", "社保中心3楼305室吗", "3月18号去办行不行", "18号去办行不行", "我家18号搬家",
            "幸福路18号", "江州市东城区幸福路", "政务服务中心在人民路3号吗", "一楼大厅能办吗", "两栋楼之间",
            "2024年3月15日交了3000元", "出入境3号窗口那个男的态度太恶劣了", "我家三口人能申请几套", "准备三组材料",
            "二手房过户要几天", "2号楼3层 2024年搬的"})
    void leaves_numbered_service_places_dates_and_roads_alone(String text) {
        assertThat(NLP.mask(text)).isEqualTo(text);
        assertThat(kinds(text)).isEmpty();
    }
}
