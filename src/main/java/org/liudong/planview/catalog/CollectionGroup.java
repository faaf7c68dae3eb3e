package org.liudong.planview.catalog;

/** A group of the web map's layer panel (三片, 四园, 七区, 重大项目, 用地地块, 背景 …). */
public record CollectionGroup(String id, String titleZh, String titleEn, int sortOrder) {
}
