/**
 * The one inline script of the HTML reports. Behaviour is declared by markup, so every table
 * gets it the same way:
 * - `table.sortable th[data-sort]` sorts by that column (`num` reads the cells' data-v);
 * - `input[data-search=ID]` filters table ID as you type; `select[data-kind=ID]` by row kind;
 * - anything with `data-agent` (agent rows, bars, matrix labels) or `data-pair` (matrix cells,
 *   top pairs) filters every `table[data-drill]` to that agent or pair;
 * - the confusion matrix recolours for counts / row % / column % and can hide rows without errors.
 * Only textContent and style are ever set: no markup is built from data.
 */
export const HTML_SCRIPT = `
(function(){
  'use strict';
  function all(sel,root){return Array.prototype.slice.call((root||document).querySelectorAll(sel));}
  function cellValue(tr,i,num){var td=tr.children[i];if(!td)return num?-Infinity:'';var v=td.getAttribute('data-v');if(num)return v===null?parseFloat(td.textContent)||0:parseFloat(v);return (v===null?td.textContent:v).toLowerCase();}
  all('table.sortable').forEach(function(table){
    all('th[data-sort]',table).forEach(function(th){
      th.tabIndex=0;
      function sort(){
        var i=Array.prototype.indexOf.call(th.parentNode.children,th),num=th.getAttribute('data-sort')==='num';
        var dir=th.getAttribute('aria-sort')==='descending'?'ascending':(th.getAttribute('aria-sort')==='ascending'?'descending':(num?'descending':'ascending'));
        all('th[data-sort]',table).forEach(function(o){o.removeAttribute('aria-sort');});
        th.setAttribute('aria-sort',dir);
        var body=table.tBodies[0],rows=all('tr',body),k=dir==='ascending'?1:-1;
        rows.sort(function(a,b){var x=cellValue(a,i,num),y=cellValue(b,i,num);return (x<y?-1:x>y?1:0)*k;});
        rows.forEach(function(r){body.appendChild(r);});
      }
      th.addEventListener('click',sort);
      th.addEventListener('keydown',function(e){if(e.key==='Enter')sort();});
    });
  });
  var drill={agent:null,pair:null};
  function refilter(){
    all('table[data-drill]').forEach(function(table){
      var search=document.querySelector('input[data-search="'+table.id+'"]');
      var kind=document.querySelector('select[data-kind="'+table.id+'"]');
      var q=search?search.value.toLowerCase():'',kv=kind?kind.value:'',n=0;
      all('tbody tr',table).forEach(function(tr){
        var agents=(tr.getAttribute('data-agents')||'').split('\\n');
        var hit=(q===''||tr.textContent.toLowerCase().indexOf(q)>=0)&&(kv===''||tr.getAttribute('data-kind')===kv)
          &&(drill.agent===null||agents.indexOf(drill.agent)>=0)&&(drill.pair===null||tr.getAttribute('data-pair')===drill.pair);
        tr.hidden=!hit;if(hit)n++;
      });
      var shown=document.getElementById(table.id+'-shown');if(shown)shown.textContent=String(n);
    });
    var chip=document.getElementById('drill');
    if(chip){chip.hidden=drill.agent===null&&drill.pair===null;var t=document.getElementById('drill-text');if(t)t.textContent=drill.agent!==null?'agent: '+drill.agent:drill.pair!==null?'pair: '+drill.pair.replace('\\n',' → '):'';}
  }
  all('input[data-search],select[data-kind]').forEach(function(el){el.addEventListener('input',refilter);el.addEventListener('change',refilter);});
  function go(){var target=document.getElementById('misroutes')||document.querySelector('table[data-drill]');if(target&&target.scrollIntoView)target.scrollIntoView({block:'start'});}
  document.addEventListener('click',function(e){
    var el=e.target&&e.target.closest?e.target.closest('[data-agent],[data-pair]'):null;
    if(!el)return;
    if(el.hasAttribute('data-pair')){drill.pair=el.getAttribute('data-pair');drill.agent=null;}
    else{drill.agent=el.getAttribute('data-agent');drill.pair=null;}
    refilter();go();
  });
  var clear=document.getElementById('drill-clear');
  if(clear)clear.addEventListener('click',function(e){e.stopPropagation();drill.agent=null;drill.pair=null;refilter();});
  var cm=document.getElementById('cm');
  if(cm){
    var rows=all('tbody tr',cm),cols=[];
    rows.forEach(function(tr){all('td',tr).forEach(function(td,j){cols[j]=(cols[j]||0)+(+td.getAttribute('data-n'));});});
    function paint(){
      var mode=(document.querySelector('input[name="cm-mode"]:checked')||{value:'count'}).value,max=0,vals=[];
      rows.forEach(function(tr,i){var total=+tr.getAttribute('data-total');vals[i]=all('td',tr).map(function(td,j){var v=+td.getAttribute('data-n');
        var x=mode==='row'?(total?v/total:0):mode==='col'?(cols[j]?v/cols[j]:0):v;if(td.hasAttribute('data-off')&&x>max)max=x;return x;});});
      rows.forEach(function(tr,i){all('td',tr).forEach(function(td,j){var v=+td.getAttribute('data-n'),x=vals[i][j];
        td.textContent=v===0?'':mode==='count'?String(v):Math.round(x*100)+'%';
        if(v===0){td.style.background='';return;}
        var off=td.hasAttribute('data-off'),a=off?0.25+0.75*(max?x/max:1):0.15+0.6*(mode==='count'?1:x);
        td.style.background='rgba(var('+(off?'--bad':'--ok')+'),'+a.toFixed(3)+')';});});
      var hi=document.getElementById('cm-max');if(hi)hi.textContent=mode==='count'?String(max):Math.round(max*100)+'%';
      var only=document.getElementById('cm-errors');
      rows.forEach(function(tr){tr.hidden=!!(only&&only.checked)&&tr.getAttribute('data-errors')==='0';});
    }
    all('input[name="cm-mode"],#cm-errors').forEach(function(el){el.addEventListener('change',paint);});
    paint();
  }
  refilter();
})();
`;
