// Builds the CQL2 text filter for a parcel query. Values are quoted as CQL2 string literals
// (a quote doubled), numbers are checked to be finite: the server binds them as parameters.

export function cqlString(value) {
  return `'${String(value).replace(/'/g, "''")}'`;
}

function cqlNumber(value) {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${value}`);
  return String(n);
}

function polygonWkt(ring) {
  const closed = ring.length && (ring[0][0] !== ring[ring.length - 1][0] || ring[0][1] !== ring[ring.length - 1][1])
    ? [...ring, ring[0]] : ring;
  return `POLYGON((${closed.map(([x, y]) => `${x.toFixed(7)} ${y.toFixed(7)}`).join(',')}))`;
}

/**
 * @param q {landUse: string[], status: string[], areaMin, areaMax, area: 'zone:Z1'|'cluster:C2'|'',
 *           polygon: [[lon, lat], …] in CRS84}
 * @param geometryProperty the queryable that holds the parcels' geometry
 */
export function parcelFilter(q, geometryProperty = 'geometry') {
  const parts = [];
  if (q.landUse?.length) parts.push(`land_use_code IN (${q.landUse.map(cqlString).join(',')})`);
  if (q.status?.length) parts.push(`status IN (${q.status.map(cqlString).join(',')})`);
  if (q.areaMin !== undefined && q.areaMin !== null && q.areaMin !== '') parts.push(`area_ha >= ${cqlNumber(q.areaMin)}`);
  if (q.areaMax !== undefined && q.areaMax !== null && q.areaMax !== '') parts.push(`area_ha <= ${cqlNumber(q.areaMax)}`);
  if (q.area) {
    const [kind, id] = q.area.split(':');
    // Functional zones are recorded on the parcel as zone_id, parks and clusters as area_id.
    parts.push(`${kind === 'zone' ? 'zone_id' : 'area_id'} = ${cqlString(id)}`);
  }
  // 'within': only parcels wholly inside; 'intersects' and 'clip' select what touches (clip then
  // totals only the part inside, from the statistics endpoint).
  const spatial = q.polygonMode === 'within' ? 'S_WITHIN' : 'S_INTERSECTS';
  if (q.polygon?.length >= 3) parts.push(`${spatial}(${geometryProperty},${polygonWkt(q.polygon)})`);
  return parts.join(' AND ');
}

export function isEmptyQuery(q) {
  return !q || !parcelFilter(q);
}
