import core from 'proj4/lib/core';
import Proj from 'proj4/lib/Proj';
import defs from 'proj4/lib/defs';
import transformPoint from 'proj4/lib/transform';
import etmerc from 'proj4/lib/projections/etmerc';
import { register } from 'ol/proj/proj4.js';
import { transform } from 'ol/proj.js';

// CGCS2000 (GRS80 ellipsoid) geographic and the 3° Gauss–Krüger CRSs around Liuzhou. Liudong
// straddles 109.5°E, the boundary between the zones with central meridians 108°E and 111°E.
const GK = [
  { epsg: 'EPSG:4545', cm: 108, zone: 36, falseEasting: 500000, prefixed: false },
  { epsg: 'EPSG:4546', cm: 111, zone: 37, falseEasting: 500000, prefixed: false },
  { epsg: 'EPSG:4524', cm: 108, zone: 36, falseEasting: 36500000, prefixed: true },
  { epsg: 'EPSG:4525', cm: 111, zone: 37, falseEasting: 37500000, prefixed: true },
];

// proj4 assembled with the one projection the page needs (exact transverse Mercator, which
// proj4 uses for +proj=tmerc) instead of all forty: a quarter of the bundle less.
const proj4 = Object.assign(core, { defaultDatum: 'WGS84', Proj, WGS84: new Proj('WGS84'), defs, transform: transformPoint });
Proj.projections.add(etmerc);

proj4.defs('EPSG:4490', '+proj=longlat +ellps=GRS80 +no_defs +type=crs');
for (const z of GK) {
  proj4.defs(z.epsg, `+proj=tmerc +lat_0=0 +lon_0=${z.cm} +k=1 +x_0=${z.falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs`);
}
// proj4's built-in UTM and polar definitions need projections left out above; the page never uses them.
for (const code of Object.keys(defs)) {
  if (/^EPSG:(32[67]\d\d|504[12])$/.test(code)) delete defs[code];
}
register(proj4);

/** The 3° zone a longitude falls in, given as the zone-prefixed CRS (false easting zone·10⁶+500 km). */
export function gaussKrugerFor(lon) {
  const zone = Math.round(lon / 3);
  return GK.find((z) => z.prefixed && z.zone === zone) || null;
}

/** [easting, northing] in the given GK CRS for a map coordinate (EPSG:3857). */
export function toGaussKruger(coordinate, epsg) {
  return transform(coordinate, 'EPSG:3857', epsg);
}

/** The export/query CRS choices the page offers, in the order planners use them. */
export const EXPORT_CRS = [
  { code: 'EPSG:4490', zh: 'CGCS2000 地理坐标（EPSG:4490）', en: 'CGCS2000 geographic (EPSG:4490)' },
  { code: 'EPSG:4545', zh: 'CGCS2000 3°带 中央经线108°E（EPSG:4545）', en: 'CGCS2000 3° GK CM 108°E (EPSG:4545)' },
  { code: 'EPSG:4546', zh: 'CGCS2000 3°带 中央经线111°E（EPSG:4546）', en: 'CGCS2000 3° GK CM 111°E (EPSG:4546)' },
  { code: 'EPSG:4524', zh: 'CGCS2000 3°带 第36带（EPSG:4524）', en: 'CGCS2000 3° GK zone 36 (EPSG:4524)' },
  { code: 'EPSG:4525', zh: 'CGCS2000 3°带 第37带（EPSG:4525）', en: 'CGCS2000 3° GK zone 37 (EPSG:4525)' },
  { code: 'CRS84', zh: 'WGS 84 经纬度，经度在前（CRS84，GeoJSON 标准）', en: 'WGS 84 longitude/latitude (CRS84, the GeoJSON standard)' },
  { code: 'EPSG:4326', zh: 'WGS 84（EPSG:4326）', en: 'WGS 84 (EPSG:4326)' },
  { code: 'EPSG:3857', zh: 'Web 墨卡托（EPSG:3857）', en: 'Web Mercator (EPSG:3857)' },
];
