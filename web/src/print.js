import './print.css';
import { addTranslations, onLangChange, t } from './i18n.js';
import { canvasToDataUrl, renderMapImage, resolutionForScale, roundScale, scaleForResolution } from './mapImage.js';
import { caveats, legendSections, sourceDocuments } from './printLegend.js';
import { buildSheet, gridSvg, legendBlock, paperSize } from './printSheet.js';
import { send } from './session.js';

// 专题制图: a print layout of the current map — title, paper, scale, resolution, legend of what
// is drawn, north arrow, scale bar, an optional CGCS2000 Gauss–Krüger grid, the caveats of
// schematic and synthetic layers, the source documents, date and producer — shown as a preview
// and printed by the browser (its "Save as PDF" keeps every word as text, fonts embedded).

addTranslations({
  zh: {
    'tool.print': '出图',
    'tool.printHint': '按比例尺生成带图例、指北针、比例尺与数据说明的打印版面（可另存为 PDF）',
    'print.dialogTitle': '专题制图 · 打印版面',
    'print.title': '标题',
    'print.subtitle': '副标题',
    'print.paper': '纸张',
    'print.orientation': '方向',
    'print.landscape': '横向',
    'print.portrait': '纵向',
    'print.scale': '比例尺',
    'print.scaleView': '当前视图',
    'print.scaleCustom': '自定义 1:',
    'print.dpi': '分辨率',
    'print.grid': '叠加 CGCS2000 3° 高斯-克吕格坐标网',
    'print.make': '生成版面',
    'print.cancel': '取消',
    'print.working': '正在生成打印版面…',
    'print.print': '打印 / 另存为 PDF',
    'print.close': '关闭',
    'print.scaleLine': '比例尺 {scale}',
    'print.gridNote': '坐标网：CGCS2000 3°带高斯-克吕格投影第 {zone} 带（中央经线 {cm}°E，{epsg}），间隔 {step} 米；X 为北坐标，Y 为带号加东坐标。',
    'print.crsNote': '地图投影 Web 墨卡托（EPSG:3857），数据坐标系 CGCS2000（EPSG:4490）。',
    'print.otherLayers': '其他图层',
    'print.caveat': '数据说明：',
    'print.sources': '资料来源：',
    'print.producer': '制图单位：',
    'print.date': '制图日期：',
    'print.noBasemap': '底图服务不允许导出图像，版面中未含底图。',
    'print.incomplete': '部分图块在时限内未加载完成，版面可能不完整。',
    'print.badScale': '请填写 1 以上的比例尺分母',
  },
  en: {
    'tool.print': 'Print',
    'tool.printHint': 'A print layout at a scale, with legend, north arrow, scale bar and data notes (save as PDF)',
    'print.dialogTitle': 'Thematic map · print layout',
    'print.title': 'Title',
    'print.subtitle': 'Subtitle',
    'print.paper': 'Paper',
    'print.orientation': 'Orientation',
    'print.landscape': 'Landscape',
    'print.portrait': 'Portrait',
    'print.scale': 'Scale',
    'print.scaleView': 'Current view',
    'print.scaleCustom': 'Custom 1:',
    'print.dpi': 'Resolution',
    'print.grid': 'CGCS2000 3° Gauss–Krüger grid',
    'print.make': 'Make layout',
    'print.cancel': 'Cancel',
    'print.working': 'Making the print layout…',
    'print.print': 'Print / save as PDF',
    'print.close': 'Close',
    'print.scaleLine': 'Scale {scale}',
    'print.gridNote': 'Grid: CGCS2000 3° Gauss–Krüger zone {zone} (central meridian {cm}°E, {epsg}), every {step} m; X northing, Y zone number and easting.',
    'print.crsNote': 'Map projection Web Mercator (EPSG:3857); data in CGCS2000 (EPSG:4490).',
    'print.otherLayers': 'Other layers',
    'print.caveat': 'About the data: ',
    'print.sources': 'Sources: ',
    'print.producer': 'Produced by: ',
    'print.date': 'Date: ',
    'print.noBasemap': 'The basemap service does not allow its images to be exported; the layout has no basemap.',
    'print.incomplete': 'Some tiles had not loaded in time; the layout may be incomplete.',
    'print.badScale': 'Give a scale denominator of 1 or more',
  },
});

const MARGIN = 10;
const HEAD = 17;
const SIDE = 64;
const GAP = 4;
const FOOT_LANDSCAPE = 24;
const FOOT_PORTRAIT = 28;
const SIDE_PORTRAIT = 62;
const MM_PER_INCH = 25.4;

/** The map frame in mm for a sheet: what is left after title, legend panel and footer. */
export function mapFrameMm(paperMm, orientation) {
  const [w, h] = paperMm;
  if (orientation === 'portrait') {
    return [w - 2 * MARGIN, h - 2 * MARGIN - HEAD - FOOT_PORTRAIT - SIDE_PORTRAIT - 2 * GAP];
  }
  return [w - 2 * MARGIN - SIDE - GAP, h - 2 * MARGIN - HEAD - FOOT_LANDSCAPE - GAP];
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Makes the sheet for {@code options} {title, subtitle, paper, orientation, scale ('view' or a
 * denominator), dpi, grid}: renders the map at the print size, then lays out legend and notes.
 */
export async function makeSheet({ map, entries, landUseClasses, basemapLayer, producer }, options) {
  const paperMm = paperSize(options.paper, options.orientation);
  const mapMm = mapFrameMm(paperMm, options.orientation);
  const px = mapMm.map((mm) => Math.round((mm / MM_PER_INCH) * options.dpi));
  const view = map.getView();
  const center = view.getCenter();
  let scale;
  if (options.scale === 'view') {
    // The extent on screen, fitted into the frame, at a round scale.
    const [sw, sh] = map.getSize();
    const fitted = Math.max((sw * view.getResolution()) / px[0], (sh * view.getResolution()) / px[1]);
    scale = roundScale(scaleForResolution(fitted, options.dpi, center));
  } else {
    scale = Number(options.scale);
  }
  const resolution = resolutionForScale(scale, options.dpi, center);
  const notes = [];
  let rendering = await renderMapImage(map, { width: px[0], height: px[1], center, resolution });
  let image = canvasToDataUrl(rendering.canvas);
  if (!image && basemapLayer) {
    rendering = await renderMapImage(map, { width: px[0], height: px[1], center, resolution, hide: [basemapLayer] });
    image = canvasToDataUrl(rendering.canvas);
    notes.push(t('print.noBasemap'));
  }
  if (!rendering.complete) notes.push(t('print.incomplete'));
  const { extent } = rendering;
  const legend = legendBlock(legendSections(entries, extent, landUseClasses));
  const grid = options.grid ? gridSvg(extent, px[0], px[1], options.dpi) : null;
  notes.unshift(t('print.crsNote'));
  const cautions = caveats(entries);
  const sources = sourceDocuments(entries, extent);
  const sheet = buildSheet({
    paperMm, orientation: options.orientation, title: options.title, subtitle: options.subtitle, image, mapMm, grid, legend,
    scale, notes,
    footer: [
      [t('print.caveat'), [t('caveat.text'), ...cautions].join(' ')],
      [t('print.sources'), sources.join('；')],
      [t('print.producer'), producer || t('app.title')],
      [t('print.date'), today()],
    ],
  });
  sheet.dataset.scale = String(scale);
  sheet.dataset.dpi = String(options.dpi);
  sheet.dataset.paper = `${options.paper}-${options.orientation}`;
  sheet.dataset.extent = extent.map((v) => v.toFixed(2)).join(',');
  return { sheet, paperMm, scale };
}

/** Tells the server what was printed, for the audit trail (出图 is drawn by the browser). */
export function logPrint(record) {
  send('POST', '/web/prints', record).catch(() => { /* the sheet stands; the trail's gap is the server's to log */ });
}

/**
 * Shows a finished sheet over the page, scaled to the screen, with print and close buttons. The
 * page's print style shows only the sheet, at its paper size (@page).
 */
export function showPreview(sheet, paperMm) {
  closePreview();
  const overlay = document.createElement('div');
  overlay.id = 'print-preview';
  const bar = document.createElement('div');
  bar.className = 'print-preview-bar';
  const printButton = document.createElement('button');
  printButton.type = 'button';
  printButton.className = 'primary';
  printButton.id = 'print-go';
  printButton.textContent = t('print.print');
  printButton.addEventListener('click', () => window.print());
  const close = document.createElement('button');
  close.type = 'button';
  close.id = 'print-close';
  close.textContent = t('print.close');
  close.addEventListener('click', closePreview);
  bar.append(printButton, close);
  const stage = document.createElement('div');
  stage.className = 'print-stage';
  stage.append(sheet);
  overlay.append(bar, stage);
  document.body.append(overlay);
  const page = document.createElement('style');
  page.id = 'print-page-size';
  page.textContent = `@page { size: ${paperMm[0]}mm ${paperMm[1]}mm; margin: 0; }`;
  document.head.append(page);
  document.body.classList.add('has-print-preview');
  const fit = () => {
    const mmToPx = 96 / MM_PER_INCH;
    const k = Math.min(1, (stage.clientWidth - 24) / (paperMm[0] * mmToPx), (stage.clientHeight - 24) / (paperMm[1] * mmToPx));
    sheet.style.setProperty('--preview-scale', String(k));
  };
  fit();
  window.addEventListener('resize', fit);
  overlay.addEventListener('remove-preview', () => window.removeEventListener('resize', fit));
}

export function closePreview() {
  const overlay = document.getElementById('print-preview');
  if (overlay) {
    overlay.dispatchEvent(new Event('remove-preview'));
    overlay.remove();
  }
  document.getElementById('print-page-size')?.remove();
  document.body.classList.remove('has-print-preview');
}

function field(labelKey, control) {
  const label = document.createElement('label');
  const span = document.createElement('span');
  span.dataset.i18n = labelKey;
  span.textContent = t(labelKey);
  label.append(span, control);
  return label;
}

function select(id, options) {
  const s = document.createElement('select');
  s.id = id;
  for (const [value, key] of options) {
    const o = document.createElement('option');
    o.value = value;
    if (key.startsWith('print.')) { o.dataset.i18n = key; o.textContent = t(key); } else o.textContent = key;
    s.append(o);
  }
  return s;
}

/** The print dialog behind the toolbar's 出图 button. */
export function createPrint({ button, map, entries, landUseClasses, basemapLayer, producer, setStatus }) {
  const dialog = document.createElement('dialog');
  dialog.id = 'print-dialog';
  dialog.className = 'print-dialog';
  const form = document.createElement('form');
  form.method = 'dialog';
  const heading = document.createElement('h2');
  heading.dataset.i18n = 'print.dialogTitle';
  heading.textContent = t('print.dialogTitle');
  const title = Object.assign(document.createElement('input'), { id: 'print-title', type: 'text', value: t('app.title'), maxLength: 80 });
  const subtitle = Object.assign(document.createElement('input'), { id: 'print-subtitle', type: 'text', maxLength: 120 });
  const paper = select('print-paper', [['A4', 'A4'], ['A3', 'A3']]);
  const orientation = select('print-orientation', [['landscape', 'print.landscape'], ['portrait', 'print.portrait']]);
  const scale = select('print-scale', [['view', 'print.scaleView'], ['2000', '1:2 000'], ['5000', '1:5 000'], ['10000', '1:10 000'],
    ['25000', '1:25 000'], ['50000', '1:50 000'], ['100000', '1:100 000'], ['custom', 'print.scaleCustom']]);
  const custom = Object.assign(document.createElement('input'), { id: 'print-scale-custom', type: 'number', min: 1, step: 1, hidden: true });
  scale.addEventListener('change', () => { custom.hidden = scale.value !== 'custom'; });
  const dpi = select('print-dpi', [['150', '150 dpi'], ['300', '300 dpi']]);
  const grid = Object.assign(document.createElement('input'), { id: 'print-grid', type: 'checkbox' });
  const gridLabel = document.createElement('label');
  const gridText = document.createElement('span');
  gridText.dataset.i18n = 'print.grid';
  gridText.textContent = t('print.grid');
  gridLabel.append(grid, gridText);
  const make = Object.assign(document.createElement('button'), { id: 'print-make', type: 'submit', className: 'primary' });
  make.dataset.i18n = 'print.make';
  make.textContent = t('print.make');
  const cancel = Object.assign(document.createElement('button'), { type: 'button', value: 'cancel' });
  cancel.dataset.i18n = 'print.cancel';
  cancel.textContent = t('print.cancel');
  cancel.addEventListener('click', () => dialog.close());
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(make, cancel);
  const scaleRow = field('print.scale', scale);
  scaleRow.append(custom);
  form.append(heading, field('print.title', title), field('print.subtitle', subtitle), field('print.paper', paper),
    field('print.orientation', orientation), scaleRow, field('print.dpi', dpi), gridLabel, actions);
  dialog.append(form);
  document.body.append(dialog);
  onLangChange(() => {
    dialog.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
    if (title.value === '柳东新区规划一张图' || title.value === 'Liudong New District Planning Map') title.value = t('app.title');
  });

  button.addEventListener('click', () => dialog.showModal());
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let chosen = scale.value;
    if (chosen === 'custom') {
      chosen = Number(custom.value);
      if (!(chosen >= 1)) { setStatus('print.badScale', {}, true); return; }
    }
    dialog.close();
    setStatus('print.working');
    document.body.classList.add('print-working');
    try {
      const { sheet, paperMm } = await makeSheet({ map, entries, landUseClasses, basemapLayer, producer }, {
        title: title.value.trim() || t('app.title'), subtitle: subtitle.value.trim(), paper: paper.value,
        orientation: orientation.value, scale: chosen, dpi: Number(dpi.value), grid: grid.checked,
      });
      showPreview(sheet, paperMm);
      logPrint({ kind: 'map', paper: `${paper.value}-${orientation.value}`, scale: Number(sheet.dataset.scale),
        layers: entries.filter((x) => x.layer.getVisible()).map((x) => x.key) });
      setStatus('status.ready');
    } catch (err) {
      setStatus('status.failed', { detail: err.message }, true);
    } finally {
      document.body.classList.remove('print-working');
    }
  });
  return { dialog };
}
