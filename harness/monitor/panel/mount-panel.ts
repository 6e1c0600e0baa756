/**
 * The seed's performance panel as a Shadow-DOM widget: Download Logs, Analyze Performance, Clear Logs and live
 * sparklines. Collapsed by default; a corner of the viewport (drag the bar, or the move button, to dock it in
 * another corner); graphs redraw once a second only while expanded and the page is visible.
 */
import type { LogRecord } from '../../log/log-schema.ts';
import { downloadText, logFileName } from './download-log.ts';
import { PANEL_CSS } from './panel-styles.ts';
import { drawSparkline } from './sparkline.ts';
import { cornerNearest, nextCorner, type PanelCorner } from './panel-corner.ts';

/** The graphs the panel draws, by the name of the live series each reads. */
export type PanelGraphId = 'heapUsedMb' | 'handlerMaxMs' | 'ttfrMs' | 'wsBufferedBytes' | 'pendingChunks';

/**
 * What the panel needs of the monitor, declared here so the panel imports nothing from harness/monitor (which
 * mounts it): the monitor's LiveStats and its methods fit this shape.
 */
export interface PanelMonitor {
  live: { series: Record<PanelGraphId, { toArray(): number[] }> };
  exportLog(): string;
  renderReport(): string;
  clear(): void;
  onRecord(listener: (record: LogRecord) => void): () => void;
}

export interface PanelHandle {
  host: HTMLElement;
  expand(): void;
  collapse(): void;
  isDrawing(): boolean;
  remove(): void;
}

const GRAPHS: { id: PanelGraphId; title: string; unit: string; color: string }[] = [
  { id: 'heapUsedMb', title: 'Heap', unit: 'MB', color: '#8ab4f8' },
  { id: 'handlerMaxMs', title: 'Handler max', unit: 'ms', color: '#f28b82' },
  { id: 'ttfrMs', title: 'TTFR', unit: 'ms', color: '#81c995' },
  { id: 'wsBufferedBytes', title: 'WS buffered', unit: 'B', color: '#fdd663' },
  { id: 'pendingChunks', title: 'Chunks pending', unit: '', color: '#c58af9' },
];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

export function mountPanel(monitor: PanelMonitor, options: { corner?: PanelCorner; collapsed?: boolean } = {}): PanelHandle {
  const host = element('div', { 'data-voice-soak-panel': '', 'data-corner': options.corner ?? 'bottom-right' });
  const root = host.attachShadow({ mode: 'open' });
  const style = element('style');
  style.textContent = PANEL_CSS;
  const panel = element('section', { class: 'panel', role: 'region', 'aria-label': 'voice-soak performance monitor' });
  const bar = element('div', { class: 'bar' });
  const toggle = element('button', { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': 'vs-body' }, 'Perf monitor');
  const status = element('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const move = element('button', { type: 'button', class: 'move', 'aria-label': 'Move panel to the next corner', title: 'Move to the next corner' }, '\u21F2');
  bar.append(toggle, status, move);
  const body = element('div', { class: 'body', id: 'vs-body', hidden: '' });
  const graphs = element('div', { class: 'graphs' });
  const canvases = GRAPHS.map((graph) => {
    const figure = element('figure');
    const caption = element('figcaption');
    const value = element('span', { class: 'value' }, '-');
    caption.append(element('span', {}, graph.title), value);
    const canvas = element('canvas', { width: '160', height: '32', role: 'img', 'aria-label': `${graph.title} over the last two minutes` });
    figure.append(caption, canvas);
    graphs.append(figure);
    return { graph, canvas, value };
  });
  const actions = element('div', { class: 'actions' });
  const download = element('button', { type: 'button', 'data-action': 'download' }, 'Download Logs');
  const analyze = element('button', { type: 'button', 'data-action': 'analyze' }, 'Analyze Performance');
  const clear = element('button', { type: 'button', 'data-action': 'clear' }, 'Clear Logs');
  actions.append(download, analyze, clear);
  const report = element('pre', { class: 'report', tabindex: '0', 'aria-label': 'Performance analysis report', hidden: '' });
  body.append(graphs, actions, report);
  panel.append(bar, body);
  root.append(style, panel);

  let timer: ReturnType<typeof setInterval> | undefined;
  let alerts = 0;
  const draw = () => {
    for (const { graph, canvas, value } of canvases) {
      const values = monitor.live.series[graph.id].toArray();
      drawSparkline(canvas, values, graph.color);
      const last = values[values.length - 1];
      value.textContent = last === undefined ? '-' : `${last < 10 ? last.toFixed(1) : Math.round(last)}${graph.unit ? ` ${graph.unit}` : ''}`;
    }
  };
  const syncDrawing = () => {
    const shouldDraw = toggle.getAttribute('aria-expanded') === 'true' && document.visibilityState !== 'hidden' && host.isConnected;
    if (shouldDraw && timer === undefined) {
      draw();
      timer = setInterval(draw, 1000);
    } else if (!shouldDraw && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  const setExpanded = (expanded: boolean) => {
    toggle.setAttribute('aria-expanded', String(expanded));
    body.hidden = !expanded;
    syncDrawing();
  };
  const setStatus = (text: string) => {
    status.textContent = text;
  };
  toggle.addEventListener('click', () => setExpanded(toggle.getAttribute('aria-expanded') !== 'true'));
  move.addEventListener('click', () => host.setAttribute('data-corner', nextCorner(host.getAttribute('data-corner') as PanelCorner)));
  download.addEventListener('click', () => {
    downloadText(monitor.exportLog(), logFileName(new Date()), root);
    setStatus('Log downloaded');
  });
  analyze.addEventListener('click', () => {
    try {
      report.textContent = monitor.renderReport();
    } catch (error) {
      report.textContent = `Analysis failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    report.hidden = false;
  });
  clear.addEventListener('click', () => {
    monitor.clear();
    alerts = 0;
    report.hidden = true;
    report.textContent = '';
    setStatus('Logs cleared');
    if (timer !== undefined) draw();
  });
  const unsubscribe = monitor.onRecord((record) => {
    if (record.type === 'monitor' && (record.kind === 'safeguard' || record.kind === 'warning')) {
      alerts += 1;
      setStatus(`${alerts} alert${alerts === 1 ? '' : 's'}: ${record.message}`);
    }
  });
  attachDrag(bar, host);
  document.addEventListener('visibilitychange', syncDrawing);
  (document.body ?? document.documentElement).appendChild(host);
  setExpanded(options.collapsed === false);

  return {
    host,
    expand: () => setExpanded(true),
    collapse: () => setExpanded(false),
    isDrawing: () => timer !== undefined,
    remove() {
      setExpanded(false);
      unsubscribe();
      document.removeEventListener('visibilitychange', syncDrawing);
      host.remove();
    },
  };
}

/** Dragging the bar moves the panel; on release it docks in the nearest corner. */
function attachDrag(bar: HTMLElement, host: HTMLElement): void {
  let start: { x: number; y: number; left: number; top: number } | null = null;
  bar.addEventListener('pointerdown', (event) => {
    if ((event.target as Element).closest('button') || event.button !== 0) return;
    const rect = host.getBoundingClientRect();
    start = { x: event.clientX, y: event.clientY, left: rect.left, top: rect.top };
    bar.setPointerCapture(event.pointerId);
    bar.classList.add('dragging');
  });
  bar.addEventListener('pointermove', (event) => {
    if (!start) return;
    Object.assign(host.style, {
      left: `${start.left + event.clientX - start.x}px`,
      top: `${start.top + event.clientY - start.y}px`,
      right: 'auto',
      bottom: 'auto',
    });
  });
  const drop = (event: PointerEvent) => {
    if (!start) return;
    start = null;
    bar.classList.remove('dragging');
    const rect = host.getBoundingClientRect();
    host.setAttribute('data-corner', cornerNearest(rect.left + rect.width / 2, rect.top + rect.height / 2, innerWidth, innerHeight));
    for (const side of ['left', 'top', 'right', 'bottom'] as const) host.style.removeProperty(side);
    if (bar.hasPointerCapture(event.pointerId)) bar.releasePointerCapture(event.pointerId);
  };
  bar.addEventListener('pointerup', drop);
  bar.addEventListener('pointercancel', drop);
}
