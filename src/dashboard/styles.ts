/** The dashboard's only stylesheet, inlined (nonce'd) in every page. Colours meet WCAG AA in both schemes. */
export const CSS = `
:root{--bg:#f5f6f8;--card:#fff;--fg:#1a1d23;--muted:#505866;--line:#d5d9e0;--accent:#1f4fbf;--accent-soft:rgba(31,79,191,.10);--hot:#a3300b;--hot-bg:#fdf0ea;--grid:#e6e9ee;--focus:#1f4fbf}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--card:#1b1f26;--fg:#e8eaee;--muted:#a9b1bd;--line:#343b46;--accent:#8ab4ff;--accent-soft:rgba(138,180,255,.14);--hot:#ffb38f;--hot-bg:#3a2119;--grid:#2a3039;--focus:#8ab4ff}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.5rem;z-index:1}
.top{background:var(--card);border-bottom:1px solid var(--line)}
.top .in{max-width:76rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center}
.brand{font-weight:700;letter-spacing:.01em;text-decoration:none;color:var(--fg);font-size:1.1rem}
.gen{color:var(--muted);font-size:.875rem;margin-left:auto}
.top form{margin:0}
button,.btn{font:inherit;font-size:.875rem;padding:.35rem .8rem;border-radius:6px;border:1px solid var(--line);background:var(--card);color:var(--fg);cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:#fff}
@media (prefers-color-scheme:dark){button.primary{color:#0b1220}}
main{max-width:76rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 .25rem}
.lede{color:var(--muted);margin:0 0 1rem}
ol.incidents{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.1rem}
.card.recent{border-left:6px solid var(--hot)}
.card h2{font-size:1.25rem;margin:0;display:inline}
.card h1{font-size:1.5rem;margin:0;display:inline}
.card h2 a{color:var(--fg);text-decoration-thickness:1px;text-underline-offset:3px}
.badge{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em;padding:.1rem .45rem;border-radius:4px;border:1px solid var(--line);color:var(--muted);vertical-align:.2em;margin-left:.4rem}
.badge.updated{background:var(--hot-bg);color:var(--hot);border-color:var(--hot)}
.meta{color:var(--muted);font-size:.9rem;margin:.2rem 0 .75rem}
dl.figures{display:flex;flex-wrap:wrap;gap:.5rem 1.75rem;margin:.25rem 0 .75rem}
dl.figures div{min-width:6rem}
dl.figures dt{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:600}
dl.figures dd{margin:0;font-size:1.6rem;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
dl.figures dd.delta{font-size:.82rem;font-weight:600;color:var(--muted)}
dl.figures .q{font-size:.95rem;font-weight:600;color:var(--muted)}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,300px),1fr));gap:.75rem 1.25rem;margin:.5rem 0;align-content:start}
@media (min-width:960px){.card .body{display:grid;grid-template-columns:minmax(0,24rem) minmax(0,1fr);gap:1.5rem;align-items:start}}
figure{margin:0}
figcaption{font-size:.85rem;font-weight:600;color:var(--muted)}
svg.chart{width:100%;height:auto;display:block;overflow:visible}
.chart .grid line{stroke:var(--grid);stroke-width:1}
.chart .axis{stroke:var(--muted);stroke-width:1}
.chart .xtick{stroke:var(--muted)}
.chart text{fill:var(--muted);font-size:11px;font-family:inherit}
.chart .axis-title{font-size:10.5px;font-weight:600}
.chart .line{fill:none;stroke:var(--accent);stroke-width:2.5;stroke-linejoin:round}
.chart .area{fill:var(--accent-soft);stroke:none}
.chart .pt{fill:var(--accent);stroke:var(--card);stroke-width:2}
.chart .pt.open{fill:var(--card);stroke:var(--accent);stroke-width:2.5}
.chart .pt-label{fill:var(--fg);font-weight:700;font-size:12px}
blockquote{margin:.75rem 0 .25rem;font-size:.95rem;padding:.5rem .9rem;border-left:3px solid var(--line);color:var(--fg);font-style:italic;overflow-wrap:anywhere}
blockquote p{margin:0}
blockquote footer{font-style:normal;color:var(--muted);font-size:.85rem;margin-top:.25rem}
.outlets{font-size:.9rem;color:var(--muted);margin:.25rem 0 0}
.pager{margin:1.25rem 0;display:flex;gap:1rem}
.feed-warning{background:var(--hot-bg);color:var(--fg);border:1px solid var(--hot);border-radius:10px;padding:.6rem 1rem;margin:.75rem 0}
.feed-warning h2{font-size:1rem;margin:0 0 .25rem;color:var(--hot)}.feed-warning ul{margin:0;padding-left:1.2rem}
.empty{background:var(--card);border:1px dashed var(--line);border-radius:10px;padding:2rem;text-align:center;color:var(--muted)}
table.timeline{width:100%;border-collapse:collapse;background:var(--card);font-size:.92rem}
table.timeline caption{text-align:left;font-weight:600;padding:.5rem 0}
table.timeline th,table.timeline td{text-align:left;vertical-align:top;padding:.55rem .6rem;border-bottom:1px solid var(--line)}
table.timeline th{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
table.timeline ul{margin:0;padding-left:1rem}
table.timeline .quote{font-style:italic;overflow-wrap:anywhere}
table.timeline td p{margin:0 0 .4rem}
table.timeline .alert p{margin:0}
table.timeline .alert pre{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;font-size:.85rem;margin:.3rem 0 0;color:var(--muted)}
table.timeline summary{cursor:pointer;color:var(--accent);font-size:.85rem;margin-top:.2rem}
table.timeline td[data-label=Figures]{min-width:12rem}
table.timeline td[data-label=Time]{min-width:9rem}
.small{font-size:.82rem;color:var(--muted)}
.change{color:var(--muted);font-size:.9em}
form.login{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1.25rem;max-width:26rem}
form.login label{display:block;font-weight:600;margin-bottom:.3rem}
form.login input{width:100%;font:inherit;padding:.5rem;border:1px solid var(--muted);border-radius:6px;background:var(--bg);color:var(--fg);margin-bottom:.8rem}
.error{color:var(--hot);font-weight:600}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:640px){
 main{padding:.6rem}.card{padding:.8rem}
 .gen{margin-left:0;font-size:.8rem}
 dl.figures dd{font-size:1.35rem}
 table.timeline thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
 table.timeline tr{display:block;border-bottom:2px solid var(--line);padding:.4rem 0}
 table.timeline td{display:block;border:0;padding:.2rem .6rem;min-width:0!important}
 table.timeline td::before{content:attr(data-label);display:block;font-size:.72rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600}
}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:0 0 1rem}
.filters label{display:flex;flex-direction:column;font-size:.8rem;font-weight:600;color:var(--muted);gap:.15rem}
.filters select,.filters input{font:inherit;font-size:.9rem;padding:.3rem .4rem;border:1px solid var(--line);border-radius:6px;background:var(--card);color:var(--fg);max-width:14rem}
.table-wrap{overflow-x:auto;max-width:100%;border:1px solid var(--line);border-radius:8px;background:var(--card)}
table.dense{border-collapse:collapse;width:100%;font-size:.875rem;line-height:1.3}
table.dense th,table.dense td{padding:.3rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
table.dense thead th{position:sticky;top:0;background:var(--card);font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
table.dense .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.dense .num .v{display:block;font-weight:700}
table.dense .num .mv{display:block;font-size:.75rem;color:var(--muted)}
table.dense .sources{min-width:10rem;max-width:22rem;overflow-wrap:anywhere}
table.dense tbody th a{color:var(--fg)}
`;
