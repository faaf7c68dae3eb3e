package org.liudong.planview.catalog;

/**
 * What a collection says about itself to people, in Chinese and English: its title, a description,
 * and the caveat shown wherever it is drawn or exported (schematic geometry, synthetic data …).
 */
public record CollectionTexts(String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                              String caveatZh, String caveatEn) {

    public static CollectionTexts titled(String zh, String en) {
        return new CollectionTexts(zh, en, null, null, null, null);
    }

    public CollectionTexts withDescriptions(String zh, String en) {
        return new CollectionTexts(titleZh, titleEn, zh, en, caveatZh, caveatEn);
    }

    public CollectionTexts withCaveats(String zh, String en) {
        return new CollectionTexts(titleZh, titleEn, descriptionZh, descriptionEn, zh, en);
    }

    public String title(boolean english) {
        return english ? titleEn : titleZh;
    }
}
