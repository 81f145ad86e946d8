/** Inline CSS of the HTML report (no network: the page must open from a CI artifact offline). */
export const HTML_STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d1d1f;max-width:1200px}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
.cards{display:flex;flex-wrap:wrap;gap:.75rem}.card{border:1px solid #ddd;border-radius:6px;padding:.5rem .8rem;min-width:8rem}
.card b{display:block;font-size:1.3rem}.card small{color:#666}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #e2e2e2;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f6f6f6}td.n{text-align:right;font-variant-numeric:tabular-nums}
.heat td{text-align:center;min-width:2.2rem}.heat th.col{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal}
.bar{background:#eee;width:260px;height:.8rem;border-radius:3px}.bar span{display:block;height:100%;background:#3b7dd8;border-radius:3px}
#q{padding:.35rem;width:24rem;margin:.4rem 0}.why{color:#555;font-size:.9em}.muted{color:#777}
`;

/** Filters the misroute table as the user types (matches any cell, case-insensitive). */
export const HTML_SCRIPT = `
(function(){
  var input=document.getElementById('q'),shown=document.getElementById('shown');
  var rows=Array.prototype.slice.call(document.querySelectorAll('#misroutes tbody tr'));
  input.addEventListener('input',function(){
    var q=input.value.toLowerCase(),n=0;
    rows.forEach(function(tr){var hit=q===''||tr.textContent.toLowerCase().indexOf(q)>=0;tr.hidden=!hit;if(hit)n++;});
    shown.textContent=String(n);
  });
})();
`;
