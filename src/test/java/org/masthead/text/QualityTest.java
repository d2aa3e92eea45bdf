package org.masthead.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QualityTest {

    @Test
    void flagsAHospitalAdWithItsReasons() {
        Quality.Verdict v = Quality.assess("上海哪里白癜风医院好-白癜风患者常吃动物肝脏好吗",
                "上海哪里白癜风医院好？专家提醒，白癜风治疗要选择正规医院，咨询热线021-51234567。", 0);
        assertThat(v.flagged()).isTrue();
        assertThat(v.reasons()).contains("quality.reason.hospital-ad", "quality.reason.consult-hotline", "quality.reason.phone-number");
    }

    @Test
    void flagsContentFarmFillerByItsTitleAndBoilerplate() {
        assertThat(Quality.assess("李世昌(对于李世昌简单介绍)", "聊聊一篇世昌,对于李世昌简单介绍的文章,网友们对这件事情都比较关注。", 0).flagged()).isTrue();
        assertThat(Quality.assess("济阳县人力资源和社会保障局补助", "1、如图。2、重庆市人力资源和社会保障局地址和电话。本文到此分享完毕。", 0).reasons())
                .contains("quality.reason.numbered-answer", "quality.reason.content-farm-phrase");
    }

    @Test
    void leavesOrdinaryNewsAloneEvenWithAHospitalOrANumberInIt() {
        Quality.Verdict v = Quality.assess("“广州名医”陈凌武:德才兼备,才能够做真正合格的好医生",
                "陈凌武,中山大学附属第一医院外科主任、泌尿外科主任。陈凌武于1986年毕业于中山医科大学，从医三十余年，"
                        + "在泌尿外科微创手术方面有很深的造诣，先后主持多项国家级课题。", 0);
        assertThat(v.flagged()).isFalse();
        assertThat(Quality.assess("证券交易印花税今起减半征收", "8月27日，财政部、国家税务总局发布《关于减半征收证券交易印花税的公告》。"
                + "自2023年8月28日起，证券交易印花税实施减半征收。", 0).score()).isZero();
    }

    @Test
    void aListOfLinksIsFlaggedAsLinkDense() {
        assertThat(Quality.assess("友情链接", "甲网 乙网 丙网 丁网 戊网 己网 庚网 辛网", 8).reasons()).contains("quality.reason.link-density");
    }

    @Test
    void nullTitleAndTextAreNotAnError() {
        assertThat(Quality.assess(null, null, 0).flagged()).isFalse();
    }
}
