/**
 * Inline CSS of the HTML reports (no network: the page must open from a CI artefact offline).
 * Colours are variables so `prefers-color-scheme: dark` swaps them in one place.
 */
export const HTML_STYLE = `
:root{--fg:#1d1d1f;--muted:#666;--bg:#fff;--panel:#f6f6f6;--line:#e2e2e2;--accent:#2f6fca;--ok:46,160,67;--bad:214,57,57;--okc:#1e7b34;--badc:#c62828;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--muted:#9a9a9a;--bg:#16181c;--panel:#23262c;--line:#363a42;--accent:#6ea8ff;--ok:63,185,80;--bad:248,81,73;--okc:#56d364;--badc:#ff7b72}}
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;padding:0 1.5rem;color:var(--fg);background:var(--bg);max-width:1300px}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2.2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}h3{font-size:1rem}
a{color:var(--accent)}.muted,.why{color:var(--muted)}.why{font-size:.9em;min-width:14rem;max-width:30rem}td.prompt{min-width:16rem;max-width:36rem}
.cards{display:flex;flex-wrap:wrap;gap:.75rem}.card{border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;min-width:8rem}
.card b{display:block;font-size:1.3rem}.card small{color:var(--muted)}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:var(--panel)}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.lbl{white-space:nowrap}.agent{cursor:pointer;color:var(--accent)}.agent:hover{text-decoration:underline}
table.sortable th[data-sort]{cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
.bar{background:var(--panel);width:240px;height:.8rem;border-radius:3px;position:relative}
.bar span{display:block;height:100%;background:var(--accent);border-radius:3px}
.scale{display:flex;justify-content:space-between;width:240px;font-weight:normal;font-size:.8em;color:var(--muted)}
.verdict{display:inline-block;padding:.15rem .6rem;border-radius:4px;color:#fff;font-weight:bold}
.pass{background:var(--okc)}.fail{background:var(--badc)}
.controls{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:.4rem 0}
.chip{background:var(--panel);border:1px solid var(--line);border-radius:1rem;padding:.1rem .6rem}.chip button{border:0;background:none;color:inherit;cursor:pointer}
input[type=search],select{padding:.3rem;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:4px}
input[type=search]{width:22rem}
.cm-wrap{overflow:auto;max-height:78vh;max-width:100%;border:1px solid var(--line)}
.cm{margin:0;border-collapse:separate;border-spacing:0}.cm td,.cm th{border-width:0 1px 1px 0}.cm td{text-align:center;min-width:1.7rem;padding:.15rem .25rem;font-variant-numeric:tabular-nums;cursor:pointer}
.cm thead th{position:sticky;top:0;z-index:2;vertical-align:bottom}
.cm th.col{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;white-space:nowrap;padding:.4rem .15rem}
.cm tbody th{position:sticky;left:0;z-index:1;white-space:nowrap;font-weight:normal}
.cm thead th.corner{left:0;z-index:3}
.legend{display:flex;align-items:center;gap:.5rem;font-size:.85em}.legend i{display:inline-block;width:1.2rem;height:.9rem;border:1px solid var(--line)}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}.charts figure{margin:0}.charts figcaption{font-size:.9em;color:var(--muted);max-width:420px}
svg text{fill:currentColor;font-size:11px}svg .grid{stroke:var(--line)}svg .axis{stroke:var(--muted)}
.pairs li{margin:.15rem 0}.pairs button{background:none;border:0;color:var(--accent);cursor:pointer;padding:0;font:inherit;text-align:left}
details summary{cursor:pointer}
`;
