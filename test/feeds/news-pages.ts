// Five article pages in our own words, laid out as news sites lay them out (navigation, adverts, related links,
// newsletter boxes, captions, comments), each with the paragraphs a reader would call the article.

export interface NewsPage {
  name: string;
  /** What the page imitates, and what makes it hard. */
  layout: string;
  html: string;
  /** The article's own paragraphs, in order: the truth main-text extraction is scored against. */
  main: string[];
}

const p = (paras: readonly string[]) => paras.map((t) => `<p>${t}</p>`).join('\n');

const BRIDGE = [
  'A road bridge over the Talvar river gave way on Tuesday evening as a bus and several cars were crossing, district officials said.',
  'At least nine people were killed and 23 injured, according to the district disaster office, which said divers were still searching the water after dark.',
  'The bridge, built in the 1970s, had been listed for repairs last year after inspectors found cracks in two of its supports, a local engineer told reporters.',
  'Residents said heavy rain over the weekend had swollen the river and that water had been lapping at the deck for two days before the collapse.',
  'The state government announced compensation for the families of the dead and ordered an inquiry into why traffic had not been stopped.',
];

const FERRY = [
  'An overcrowded ferry capsized near the mouth of the Serrano estuary early on Sunday, leaving 14 people dead, the coast guard said.',
  'Rescuers pulled 61 survivors from the water, and about 20 passengers are still missing, a coast guard spokeswoman told a news conference in the port town.',
  'The vessel was licensed to carry 50 people but had more than 90 on board, according to a passenger list seen by local officials.',
  'Fishing boats joined the search at first light, and relatives gathered on the quay waiting for news of those who had not been found.',
];

const FIRE = [
  'A fire tore through a four-storey garment workshop in the Eastgate industrial zone overnight, killing six workers and injuring 31, the fire service said.',
  'Firefighters needed five hours to bring the blaze under control, and several workers jumped from upper windows to escape the smoke, witnesses said.',
  'The owner of the building has been arrested, police said, after inspectors found that two of its three stairwells had been locked.',
  'Unions called for an urgent review of safety checks in the zone, where a similar fire two years ago killed three people.',
];

const QUAKE = [
  'A magnitude 6.2 earthquake struck the hill district of Ravensworth before dawn on Friday, killing at least 27 people, the regional governor said.',
  'More than 140 people were injured, many of them when the roofs of older stone houses fell in while families slept.',
  'Aftershocks continued through the morning, and officials urged residents not to return to damaged homes until engineers had inspected them.',
  'Army units were sent with tents and water, and the main hospital in the district capital set up beds in its car park.',
];

const FLOOD = [
  'Flash floods swept through three villages in the Marrow valley after a night of torrential rain, killing 11 people, emergency services said on Monday.',
  'Eight people are still missing, and about 600 residents have spent the night in school buildings on higher ground.',
  'The valley road was cut in two places, so rescue teams reached the worst-hit village on foot, carrying pumps and medical supplies.',
  'Forecasters warned that more rain was expected on Tuesday and that river levels downstream would keep rising.',
];

export const NEWS_PAGES: NewsPage[] = [
  {
    name: 'wire-article',
    layout: '<article> holding the story, a related-links aside and a photo caption; menus and footer outside it',
    main: BRIDGE,
    html: `<!doctype html><html><head><title>Bridge collapse kills nine</title><script>window.ads = [];</script></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav>
<p class="strap">Independent news since 1952. <a href="/subscribe">Subscribe for one dollar a week</a>.</p></header>
<article><h1>Bridge collapse over the Talvar kills nine</h1>
<p class="byline">By a staff reporter · 3 min read</p>
<figure><img src="/b.jpg" alt=""><figcaption><p>Rescuers search the river below the broken bridge. Photo: agency</p></figcaption></figure>
${p(BRIDGE.slice(0, 3))}
<aside class="related"><h2>Related</h2><p><a href="/a">Why so many old bridges are failing</a></p><p><a href="/b">Monsoon season: what to expect this year</a></p></aside>
${p(BRIDGE.slice(3))}
<p class="share">Share this story on social media or send it to a friend.</p>
</article>
<footer><p>© 2024 The Daily Example. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>
</body></html>`,
  },
  {
    name: 'div-soup',
    layout: 'no <article> or <main>: the story in nested divs among a cookie banner, a menu of <p> links, adverts and reader comments',
    main: FERRY,
    html: `<!doctype html><html><head><title>Ferry capsizes</title></head><body>
<div id="cookie"><p>We use cookies to improve your experience. By continuing to browse you agree to our use of cookies and our privacy policy.</p><button>Accept</button></div>
<div class="menu"><p><a href="/">Front page</a></p><p><a href="/local">Local</a></p><p><a href="/sport">Sport</a></p><p><a href="/weather">Weather</a></p></div>
<div class="wrap"><div class="col-main"><div class="headline"><h1>Fourteen dead as ferry capsizes in estuary</h1></div>
<div class="story"><div class="text">
${p(FERRY.slice(0, 2))}
<div class="ad-slot"><p>Advertisement</p><p>Get 50% off your first order with code SUMMER at checkout today.</p></div>
${p(FERRY.slice(2))}
</div></div></div>
<div class="col-side"><h3>Most read</h3><p><a href="/x">Council votes to close two libraries</a></p><p><a href="/y">Local team wins cup final on penalties</a></p><p><a href="/z">New bakery opens on the high street</a></p></div></div>
<div id="comments"><h3>Comments (3)</h3>
<div class="comment"><p>Terrible news. Thoughts with the families of everyone on board.</p></div>
<div class="comment"><p>Why was nobody checking how many people got on? This happens every year and nothing changes.</p></div>
<div class="comment"><p>The coast guard did an amazing job in the dark, credit to them.</p></div></div>
<div class="footer"><p>Serrano Coast Herald, 12 Harbour Street. Call us on 0100 200 300.</p></div>
</body></html>`,
  },
  {
    name: 'main-with-extras',
    layout: '<main> holding the story and, inside it too, a newsletter box, "more on this story" links and a comment thread',
    main: FIRE,
    html: `<!doctype html><html><head><title>Workshop fire</title><style>p { margin: 0 }</style></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><h1>Six killed in garment workshop fire</h1><time datetime="2024-02-03">3 February 2024</time>
${p(FIRE.slice(0, 2))}
<div class="newsletter"><p>Get the morning briefing: the day's top stories in your inbox before 7am.</p><form><input type="email"><button>Sign up</button></form></div>
${p(FIRE.slice(2))}
<section class="more"><h2>More on this story</h2><p>Workshop owners say inspections are too rare</p><p>Timeline: fires in the Eastgate zone since 2015</p></section>
<section class="comments"><h2>Join the conversation</h2><p>Locked stairwells again. When will someone go to prison for this?</p><p>My cousin works in a building like this one and says the doors are always chained.</p></section>
</main>
<footer><p>Eastgate Evening Post</p></footer>
</body></html>`,
  },
  {
    name: 'schema-org-body',
    layout: 'itemprop="articleBody" inside a div layout, with an inline advert, a pull quote and "read more" teasers after the body',
    main: QUAKE,
    html: `<!doctype html><html><head><title>Quake kills 27</title><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body>
<div class="top-bar"><p>Breaking: markets fall on rate fears</p></div>
<div class="page"><h1 itemprop="headline">Earthquake in Ravensworth kills at least 27</h1>
<div class="body" itemprop="articleBody">
${p(QUAKE.slice(0, 2))}
<div class="inline-ad"><p>Sponsored: compare home insurance quotes in minutes.</p></div>
<blockquote class="pull"><p>“We felt the floor lift and then everything came down.”</p></blockquote>
${p(QUAKE.slice(2))}
</div>
<div class="teasers"><p>Read more: how to prepare a home for an earthquake</p><p>Read more: the science of aftershocks</p><p>Read more: photos from the district capital</p></div></div>
<div class="footer"><p>Northern Ledger Media Group</p></div>
</body></html>`,
  },
  {
    name: 'br-paragraphs',
    layout: 'an older CMS: the story is text separated by <br><br> inside one <div>, with no <p> at all, next to a sidebar of <p> links',
    main: FLOOD,
    html: `<!doctype html><html><head><title>Flash floods</title></head><body>
<table class="layout"><tr><td class="nav"><p><a href="/">Home</a></p><p><a href="/regional">Regional</a></p><p><a href="/contact">Contact the newsroom</a></p></td>
<td class="content"><h1>Flash floods kill 11 in Marrow valley</h1><div class="posted">Posted 08:14</div>
<div class="articletext">${FLOOD.join('<br><br>\n')}</div>
<div class="tags">Tags: floods, weather, Marrow valley</div></td>
<td class="side"><p>Advertise with us and reach 40,000 readers a week.</p><p>Letters to the editor: send yours by Friday.</p></td></tr></table>
</body></html>`,
  },
];
