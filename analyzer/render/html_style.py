"""The report page's style sheet, inlined into the page so it needs nothing but itself;
printed, the page hides the filters and shows every claim."""

STYLE = """
body { max-width: 64rem; color: #1f2937; }
header.doc { border-bottom: 1px solid #e5e7eb; padding-bottom: 1rem; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: .75rem; color: #4b5563; margin: 0; }
h1 { font-size: 1.8rem; line-height: 1.25; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
h4 { font-size: .95rem; margin: 0 0 .25rem; }
a { color: #1d4f91; }
a:focus-visible, input:focus-visible + label { outline: 2px solid #1d4f91; outline-offset: 2px; }
.note { background: #f3f4f6; border-left: 4px solid #6b7280; padding: .4rem .75rem; margin: .75rem 0 0; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; margin: .75rem 0 0; }
.digest h3 { margin-top: 1rem; color: #374151; }
.takeaway { border: 1px solid #e5e7eb; border-radius: .5rem; padding: .75rem 1rem; margin: 0 0 .75rem;
            background: #fcfcfd; break-inside: avoid; }
.takeaway.main { border-left: 4px solid #1d4f91; background: #f5f8fc; }
.takeaway p { margin: .35rem 0; }
.strength { display: flex; align-items: center; gap: .5rem; font-size: .85rem; }
.strength .bar { display: inline-block; width: 7rem; height: .5rem; background: #e5e7eb; border-radius: .25rem;
                 overflow: hidden; }
.strength .bar span { display: block; height: 100%; background: #b4463c; }
blockquote { margin: .5rem 0 0; padding: .1rem 0 .1rem .75rem; border-left: 3px solid #d1d5db; color: #374151; }
blockquote p { margin: 0; font-style: italic; }
blockquote footer { font-size: .8rem; }
.badge { display: inline-block; font-size: .72rem; font-weight: 600; padding: .05rem .45rem; border-radius: 1rem;
         border: 1px solid currentColor; white-space: nowrap; vertical-align: .05em; }
.mod-asserted { color: #14532d; background: #ecfdf3; }
.mod-hedged { color: #78350f; background: #fffbeb; }
.mod-opinion { color: #581c87; background: #faf5ff; }
.mod-proposal { color: #1e3a8a; background: #eff6ff; }
.mod-speculation { color: #374151; background: #f3f4f6; }
.mod-question { color: #134e4a; background: #f0fdfa; }
details summary { cursor: pointer; color: #1d4f91; }
.sec { border-top: 1px solid #f0f1f3; padding-top: .25rem; }
.sec.lvl2 { margin-left: 1rem; }
.sec.lvl3 { margin-left: 2rem; }
.sec .num { color: #6b7280; font-weight: 500; margin-right: .25rem; }
.meta, .why { font-size: .85rem; color: #4b5563; margin: .1rem 0; }
.text { font-size: .92rem; line-height: 1.6; margin: .5rem 0 1rem; border-left: 1px solid #e5e7eb; }
.ln { display: block; white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1.6em; padding-left: 3.25rem;
      position: relative; }
.ln::before { content: attr(data-n); position: absolute; left: 0; width: 2.5rem; text-align: right;
              color: #6b7280; font-size: .75rem; font-variant-numeric: tabular-nums; line-height: 2.1; }
.ln:target { background: #fff7d6; }
mark.mk { color: inherit; border-radius: .2rem; padding: 0 .1rem; }
mark.g-stress { background: #fde2dd; box-shadow: inset 0 -2px #c2410c; }
mark.g-emotion { background: #e0ecfb; box-shadow: inset 0 -2px #2f5d8a; }
mark.g-plea { background: #efe3fa; box-shadow: inset 0 -2px #7e22ce; }
mark.off { background: none; text-decoration: line-through; box-shadow: none; }
.legend { font-size: .85rem; color: #4b5563; }
.markers { font-size: .9rem; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: .5rem 0 1rem; }
fieldset { border: 1px solid #e5e7eb; border-radius: .5rem; padding: .35rem .75rem .5rem; margin: 0; }
legend { font-size: .8rem; font-weight: 600; color: #374151; padding: 0 .25rem; }
.opt { display: inline-flex; align-items: center; margin-right: .75rem; white-space: nowrap; }
.opt input { margin: 0 .3rem 0 0; width: 1rem; height: 1rem; accent-color: #1d4f91; }
.count { color: #4b5563; font-size: .8rem; }
.count::before { content: "("; } .count::after { content: ")"; }
.claim-list { list-style: none; padding: 0; margin: 0; }
.claim { border-bottom: 1px solid #f0f1f3; padding: .5rem 0; break-inside: avoid; }
.claim p { margin: .2rem 0; }
.claim .tags { font-size: .8rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
.claim .kind { font-weight: 600; color: #374151; }
.claim .in { color: #4b5563; }
.notes { font-size: .85rem; color: #4b5563; }
@media print {
  nav, .filters, details summary { display: none; }
  details { display: block; }
  .claim { display: block !important; }
  a { color: inherit; text-decoration: none; }
  .takeaway { background: none; }
}
"""
