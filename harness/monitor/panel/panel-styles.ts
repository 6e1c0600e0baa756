/** The panel's CSS, scoped by its shadow root (app CSS cannot reach in; this cannot leak out). */
export const PANEL_CSS = `
:host { all: initial; position: fixed; z-index: 2147483647; font: 12px/1.4 system-ui, sans-serif; color: #e8eaed; }
:host([data-corner="bottom-right"]) { right: 12px; bottom: 12px; }
:host([data-corner="bottom-left"]) { left: 12px; bottom: 12px; }
:host([data-corner="top-right"]) { right: 12px; top: 12px; }
:host([data-corner="top-left"]) { left: 12px; top: 12px; }
.panel { background: rgba(32, 33, 36, 0.94); border: 1px solid #5f6368; border-radius: 8px; box-shadow: 0 2px 10px rgba(0,0,0,.35); max-width: min(92vw, 560px); }
.bar { display: flex; align-items: center; gap: 6px; padding: 4px 6px; cursor: grab; user-select: none; touch-action: none; }
.bar.dragging { cursor: grabbing; }
.status { flex: 1; color: #fdd663; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0; }
button { font: inherit; color: inherit; background: #3c4043; border: 1px solid #5f6368; border-radius: 4px; padding: 3px 8px; cursor: pointer; }
button:hover { background: #4a4e52; }
button:focus-visible, pre:focus-visible { outline: 2px solid #8ab4f8; outline-offset: 1px; }
.body { padding: 0 8px 8px; }
.body[hidden], pre[hidden] { display: none; }
.graphs { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 6px; margin: 4px 0 8px; }
figure { margin: 0; }
figcaption { display: flex; justify-content: space-between; color: #bdc1c6; }
canvas { display: block; width: 100%; height: 32px; background: #202124; border-radius: 3px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
pre { margin: 8px 0 0; max-height: 40vh; overflow: auto; white-space: pre-wrap; background: #202124; padding: 6px; border-radius: 4px; font: 11px/1.35 ui-monospace, monospace; }
`;
