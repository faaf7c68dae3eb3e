import { getCenter } from 'ol/extent.js';

// Phones and tablets: the side panel is a drawer over the map (style.css).
const SMALL = window.matchMedia('(max-width: 1100px)');

/**
 * Phones and tablets: the side panel opens over the map and closes again (on phones the tools
 * also fold into a menu); a planner who picks a parcel or starts drawing gets the map back.
 */
export function setupSmallScreen() {
  const $ = (id) => document.getElementById(id);
  const panelToggle = $('panel-toggle');
  const menuToggle = $('menu-toggle');
  const tools = $('topbar-tools');

  function setPanel(open) {
    document.body.classList.toggle('panel-open', open);
    panelToggle.setAttribute('aria-expanded', String(open));
  }
  function setMenu(open) {
    tools.classList.toggle('open', open);
    menuToggle.setAttribute('aria-expanded', String(open));
  }
  panelToggle.addEventListener('click', () => setPanel(!document.body.classList.contains('panel-open')));
  $('panel-close').addEventListener('click', () => setPanel(false));
  menuToggle.addEventListener('click', () => setMenu(!tools.classList.contains('open')));
  // A tool chosen from the menu closes it (the basemap list stays open while one is picked).
  tools.addEventListener('click', (e) => { if (e.target.closest('button')) setMenu(false); });
  $('q-draw').addEventListener('click', () => { if (SMALL.matches) setPanel(false); });

  return {
    /** On a phone, back to the map (after a row of the results was chosen, say). */
    showMap: () => { if (SMALL.matches) setPanel(false); },
  };
}

/**
 * The info panel stands over the map (at the right, or on a phone at the bottom): the part of
 * the map it leaves free, and a view that keeps the feature it describes in that part.
 */
export function createReveal(map, panel) {
  /** [top, right, bottom, left] pixels of the map under the panel. */
  function covered() {
    if (panel.hidden) return [0, 0, 0, 0];
    const m = map.getTargetElement().getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    if (p.width >= m.width * 0.9) return [0, 0, Math.max(0, m.bottom - p.top), 0];
    return [0, Math.max(0, m.right - p.left), 0, 0];
  }

  /** Padding for view.fit that keeps clear of the panel as well as of the edges. */
  function padding(margin = 80) {
    return covered().map((v) => v + margin);
  }

  /** Pans, without zooming, until the feature's centre lies in the map the panel leaves free. */
  function keepVisible(feature) {
    const geometry = feature?.getGeometry?.();
    const size = map.getSize();
    if (!geometry || !size) return;
    const [top, right, bottom, left] = covered();
    if (!right && !bottom) return;
    const free = [left, top, size[0] - right, size[1] - bottom];
    const px = map.getPixelFromCoordinate(getCenter(geometry.getExtent()));
    if (!px) return;
    const margin = 24;
    if (px[0] > free[0] + margin && px[0] < free[2] - margin && px[1] > free[1] + margin && px[1] < free[3] - margin) return;
    const view = map.getView();
    const to = [(free[0] + free[2]) / 2, (free[1] + free[3]) / 2];
    const r = view.getResolution();
    const [cx, cy] = view.getCenter();
    view.animate({ center: [cx + (px[0] - to[0]) * r, cy - (px[1] - to[1]) * r], duration: 250 });
  }

  return { padding, keepVisible };
}
