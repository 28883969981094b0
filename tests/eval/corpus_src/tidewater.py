"""tidewater-post.example — US local daily. Chrome in hashed-class <p>/<div> inside the <article>, a
site-specific closing line, metadata in JSON-LD only."""

from __future__ import annotations

import json

from .common import Art, Chrome, block_html, esc, is_para, long_date, reading_minutes, related_titles, slug

HOST = "tidewater-post.example"
LANG = "en"
NAME = "Tidewater Post"
SITE_LINE = "Tidewater Post: local news you can trust since 1898"
COOKIE = ("We use cookies and similar technologies to run this site, understand how it is used and show you "
          "relevant ads. You can change your mind at any time under Privacy Settings at the bottom of each page.")
MOST_READ = ["Police identify driver in Route 17 crash near Merritt Cove",
             "Pell’s Landing diner closes after 61 years on Front Street",
             "Photos: Harbor Lights parade draws a record crowd"]
TXT_BLANK_LINES = True
TXT_BULLET = "*"


def _clock(t: str) -> str:
    h, m = map(int, t.split(":"))
    suffix = "a.m." if h < 12 else "p.m."
    h12 = h % 12 or 12
    return f"{h12}:{m:02d} {suffix}"


def _tz(iso: str) -> str:
    return "-05:00" if iso < "2025-03-09" or iso > "2025-11-02" else "-04:00"


def _jsonld(art: Art) -> str:
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": art.title,
        "datePublished": f"{art.published}T{art.time}:00{_tz(art.published)}",
        "author": [{"@type": "Person", "name": a} for a in art.authors],
        "publisher": {"@type": "Organization", "name": "Tidewater Post"},
        "mainEntityOfPage": f"https://www.tidewater-post.example/{art.path.rsplit('.', 1)[0]}",
    }
    if art.updated:
        data["dateModified"] = f"{art.published}T{art.updated}:00{_tz(art.published)}"
    return json.dumps(data, ensure_ascii=False, indent=1)


def render(art: Art, site: list[Art]) -> tuple[str, list[str]]:
    c = Chrome()
    rel = related_titles(site, art, 4)
    byline = "By " + " and ".join(art.authors)
    c(byline)
    day = long_date(art.published, "en")
    published = f"Published {day} at {_clock(art.time)}"
    head = ["<p>By " + " and ".join(f'<a href="/staff/{slug(a)}">{esc(a)}</a>' for a in art.authors) + "</p>",
            f"<p>{c.h(published)}</p>"]
    if art.updated:
        updated = f"Updated {day} at {_clock(art.updated)}"
        head.append(f"<p>{c.h(updated)}</p>")
    head.append(f"<p>{c.h(f'{reading_minutes(art.body)} min read')}</p>")
    body: list[str] = []
    paras = 0
    for b in art.body:
        body.append(block_html(b))
        if is_para(b):
            paras += 1
            if paras == 2:
                c(f"READ MORE: {rel[0]}")
                body.append(f'<p class="tp-k2"><b>READ MORE:</b> <a href="/news/more">{esc(rel[0])}</a></p>')
            if paras == 4:
                body.append(f'<div class="tp-u7"><p>{c.h("Advertisement")}</p><div class="tp-u8"></div></div>')
    related = "\n".join(f'    <li><a href="/news/r{i}">{c.h(t)}</a></li>' for i, t in enumerate(rel[1:]))
    most = "\n".join(f'    <li><a href="/news/m{i}">{c.h(t)}</a></li>' for i, t in enumerate(MOST_READ))
    section = art.section
    c(f"Home / {section}")
    c("e-Edition")
    html = f"""<!doctype html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>{esc(art.title)} | Tidewater Post</title>
<meta name="description" content="{esc(art.extra.get('dek', art.title))}">
<script type="application/ld+json">
{_jsonld(art)}
</script>
</head>
<body>
<div class="tp-a1"><a href="#main">{c.h("Skip to main content")}</a></div>
<div class="tp-hd">
  <div class="tp-logo"><a href="/">Tidewater Post</a></div>
  <div class="tp-ac"><a href="/subscribe">{c.h("Subscribe for $1 a week")}</a> <a href="/login">Sign in</a></div>
  <ul class="tp-mn">
    <li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li><li><a href="/business">Business</a></li>
    <li><a href="/opinion">Opinion</a></li><li><a href="/obituaries">Obituaries</a></li><li><a href="/e-edition">e-Edition</a></li>
  </ul>
</div>
<div class="tp-main" id="main">
<div class="tp-bc"><a href="/">Home</a> / <a href="/{slug(section)}">{esc(section)}</a></div>
<article class="tp-story">
<h1>{esc(art.title)}</h1>
<div class="tp-by">
{chr(10).join(head)}
</div>
<div class="tp-lead"><img src="/photos/{slug(art.title)[:40]}.jpg" alt="">
<span>{c.h(f"{art.caption} (Photo: {art.credit} / Tidewater Post)")}</span></div>
<div class="tp-body">
{chr(10).join(body)}
<p><i>{c.h(SITE_LINE)}</i></p>
<p>{c.h("Got a tip? Email newsroom@tidewaterpost.example or call 757-555-0142.")}</p>
</div>
<div class="tp-sh"><span>{c.h("Share this article")}</span> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a> <a href="#">Print</a></div>
<div class="tp-nl">
  <p><b>{c.h("The Morning Tide")}</b></p>
  <p>{c.h("Get the day’s top local stories in your inbox before 7 a.m. It’s free.")}</p>
  <p><input type="email" placeholder="Email address"> <button>Sign up</button></p>
</div>
<div class="tp-rl">
  <h3>{c.h("Related Stories")}</h3>
  <ul>
{related}
  </ul>
</div>
<div class="tp-mr">
  <h3>{c.h("Most Read")}</h3>
  <ol>
{most}
  </ol>
</div>
<div class="tp-cm">
  <h3>{c.h("Join the conversation")}</h3>
  <p>{c.h("Commenting is available to subscribers. Please read our community guidelines before posting.")}</p>
</div>
</article>
</div>
<div class="tp-ft">
  <p>{c.h("© 2025 Tidewater Post Media Co. All rights reserved.")}</p>
  <p>{c.h("Terms of Service | Privacy Policy | Do Not Sell or Share My Personal Information")}</p>
  <p>{c.h("Tidewater Post, 210 Front Street, Pell’s Landing")}</p>
</div>
<div class="tp-x9">
  <p>{c.h(COOKIE)}</p>
  <button>{c.h("Accept all")}</button> <button>{c.h("Manage choices")}</button>
</div>
</body>
</html>
"""
    return html, c.strings


ARTICLES = [
    Art(
        "community/harbor-street-bake-sale.html",
        "Harbor Street bake sale turns 25, and the cookies are still the point",
        authors=["Dana Whitcombe"], published="2025-04-06", time="10:20", section="Community",
        hard_case="cookies-topic",
        caption="Volunteers restock the molasses crinkles at the Harbor Street bake sale on Saturday.",
        credit="Lena Okafor",
        body=[
            "For a quarter of a century, the first Saturday in April has meant one thing on Harbor Street: folding "
            "tables, hand-lettered price cards and more than four thousand cookies baked in the kitchens of Pell’s "
            "Landing.",
            "The bake sale began in 2000 as a way to pay for new choir robes at St. Brendan’s Hall. It now funds a "
            "scholarship for two graduating seniors each year and has raised, by the organizers’ count, a little over "
            "$180,000.",
            "“We use cookies from every family recipe we can find, so every visit is a slightly different "
            "experience,” said Marisol Vance, who has chaired the sale since 2011.",
            ("h", "A recipe box of 300 cards"),
            "Vance keeps the recipes in a metal box that once belonged to the sale’s founder, the late Ruth Albee. Some "
            "cards are typed, some are in pencil, and a few carry warnings in the margins: too much butter, never on a "
            "humid day.",
            "This year’s best sellers were predictable. Volunteers ran out of molasses crinkles by 10:15 a.m. and of "
            "the oatmeal-cranberry cookies shortly after. New this year was a gluten-free table, which sold out "
            "before noon.",
            "Cookies sold by the dozen this year:",
            ("ul", ["Molasses crinkles: 61 dozen", "Oatmeal-cranberry: 48 dozen",
                    "Chocolate chunk with sea salt: 44 dozen", "Lemon shortbread: 29 dozen"]),
            "Not everything went smoothly. A power outage on Friday evening left three volunteers baking by flashlight "
            "in the fellowship hall, where, fortunately, the ovens run on gas.",
            "“Honestly, we use cookies as an excuse,” said Tom Albee, Ruth’s grandson, who drove in from out of state "
            "to help. “It’s really about seeing who’s still around.”",
            "The scholarship committee will announce this year’s recipients in May.",
        ],
    ),
    Art(
        "weather/noreaster-live-updates.html",
        "Live updates: Nor’easter halts Pell’s Landing ferry, knocks out power to 9,000",
        authors=["Dana Whitcombe", "Curtis Oyelaran"], published="2025-03-16", time="06:00", updated="14:45",
        section="Weather", hard_case="live-blog",
        caption="Waves break over the seawall at the foot of Canal Street on Sunday morning.",
        credit="Lena Okafor",
        body=[
            "A strong nor’easter is battering the coast Sunday with heavy rain, high tides and gusts above 50 mph. "
            "Here is the latest, with the newest updates first.",
            "**2:45 p.m.** The Coast Guard says the sailboat reported in distress off Gull Point this morning has been "
            "towed into Merritt Cove. Both people aboard are safe and declined medical treatment.",
            "**1:30 p.m.** Tidewater Electric now reports 9,100 customers without power, most of them on the east side "
            "of the county. The utility says crews will not climb poles until gusts drop below 40 mph.",
            "**12:10 p.m.** County schools will open two hours late on Monday. After-school activities scheduled for "
            "this evening are canceled.",
            "**11:05 a.m.** Water is over the road at the foot of Canal Street. Police have closed Canal between Front "
            "and Second streets and ask drivers to avoid downtown until the tide turns.",
            "**9:40 a.m.** The 10:30 and 12:30 ferry crossings to Pell’s Landing are canceled. The ferry authority "
            "will decide on the afternoon schedule at 1 p.m.",
            "**8:15 a.m.** Gusts of 58 mph were recorded at the harbor pilot station, the highest reading so far. "
            "Forecasters have extended the coastal flood warning until 8 p.m.",
            "**6:00 a.m.** Good morning. We are following the storm throughout the day. If you are sending us photos, "
            "please take them from somewhere safe and stay off flooded roads.",
        ],
    ),
    Art(
        "environment/gull-point-oyster-reef.html",
        "Volunteers sink 40 tons of shell to rebuild oyster reef off Gull Point",
        authors=["Curtis Oyelaran"], published="2025-05-19", time="07:30", section="Environment",
        caption="Bags of recycled shell are lowered from a work barge about 300 yards off Gull Point.",
        credit="Lena Okafor",
        body=[
            "It took two barges, a borrowed crane and 63 volunteers, but by Saturday afternoon roughly 40 tons of "
            "oyster shell rested on the bottom of the bay off Gull Point, the first step in rebuilding a reef that "
            "disappeared more than half a century ago.",
            "The shell comes from restaurants in Pell’s Landing and Merritt Cove, which have been setting aside their "
            "empty shells in blue bins since 2022. It is cured in the sun for a year before it goes back into the "
            "water, long enough to kill off any pests.",
            ("h", "Why shell matters"),
            "Young oysters, called spat, need something hard to settle on, and nothing works better than the shells "
            "of older oysters. Without that foundation, the larvae drift until they die.",
            ("q", "“People think of a reef as rock. This one is going to be alive, and in five years it will be "
                  "filtering millions of gallons of water a day,” said Renee Castellanos, who coordinates the project "
                  "for the Bay Stewards Alliance."),
            "The site was chosen with help from watermen who still remember where the old reef used to be. Charlie "
            "Pruitt, 81, pointed it out on a chart at a community meeting last fall. “My father tonged oysters there "
            "every winter,” he said.",
            "The alliance plans to monitor the reef twice a year and to add another 60 tons of shell in 2026 if "
            "enough spat settles this summer. Volunteers who want to help with the next drop can sign up through the "
            "alliance.",
        ],
    ),
    Art(
        "business/merritt-cannery-apartments.html",
        "Old Merritt cannery will become 84 apartments after council vote",
        authors=["Priscilla Hahn"], published="2025-01-15", time="18:45", section="Business",
        caption="The Merritt Packing Co. building has stood empty on the waterfront since 1991.",
        credit="Jerome Batts",
        body=[
            "The brick cannery that has loomed over the Merritt Cove waterfront for more than a century will become "
            "housing. The city council voted 6-1 on Tuesday to approve a plan to convert the building into 84 "
            "apartments, a ground-floor market hall and a public boardwalk.",
            "The developer, Saltmarsh Partners, bought the property in 2023. Its plan keeps the original facade and "
            "the two smokestacks, which will be stabilized and lit at night.",
            ("h", "Affordable units and parking"),
            "Under the agreement, 17 of the apartments will be rented at prices affordable to households earning 80 "
            "percent of the area’s median income. The developer will also pay for a new traffic signal at Water "
            "Street and Cannery Road.",
            "Parking was the main point of contention. Neighbors told the council that the 96 planned spaces would not "
            "be enough and that visitors to the market hall would fill residential streets. Council member Ada Moyer, "
            "the lone no vote, said she supported the project but not the parking plan.",
            "“This building has been empty for my entire adult life,” said Mayor Rollin Pace. “Every year we wait, "
            "the repair bill goes up and the chance of saving it goes down.”",
            "Construction is expected to start in the fall and take about two years. The market hall would open "
            "first, in the summer of 2027.",
        ],
    ),
    Art(
        "education/middle-school-phone-ban.txt",
        "School board approves bell-to-bell phone ban for middle schools",
        authors=["Priscilla Hahn"], published="2025-02-20", time="21:05", section="Education",
        caption="Students at Eastbrook Middle School will lock their phones in pouches starting in August.",
        credit="Jerome Batts",
        body=[
            "Middle school students in the county will have to keep their phones locked away for the entire school day "
            "starting next fall, after the school board voted 5-2 on Thursday night for a so-called bell-to-bell ban.",
            "The policy goes further than the current rule, which only bans phones during class. Under the new "
            "policy, students will place their phones in magnetic pouches when they arrive and unlock them at "
            "dismissal. The pouches will cost the district about $48,000.",
            "Eastbrook Middle School tested the system this year. Principal Yvette Carrow told the board that "
            "reported conflicts in the cafeteria dropped by about a third and that teachers spent less time "
            "confiscating devices.",
            ("h", "Parents split"),
            "More than 30 people spoke during the public comment period. Several parents said they worry about "
            "reaching their children in an emergency. Others said the ban was overdue.",
            "“I want my kid to be bored at lunch and talk to the person next to him,” said parent Luis Ferreira.",
            "Board members who voted no said they favored a trial at a second school before a countywide rule. The "
            "district will hold information sessions for families in June.",
        ],
    ),
    Art(
        "business/city-marina-slip-fees.txt",
        "City marina raises slip fees 18 percent, and boaters push back",
        authors=["Dana Whitcombe"], published="2025-03-04", time="17:10", section="Business",
        caption="About 40 of the city marina’s 212 slips sit empty this winter.",
        credit="Lena Okafor",
        body=[
            "Boat owners who keep their vessels at the city marina will pay 18 percent more for a slip this season, "
            "the harbor commission decided Monday, despite a packed room of boaters who asked for a smaller increase.",
            "A 30-foot slip will now cost $3,540 for the season, up from $3,000. The commission says the money is "
            "needed to replace the marina’s oldest floating docks, some of which date to the 1980s and have been "
            "patched repeatedly.",
            "Harbor master Gwen Talley showed photos of rotted dock boards and corroded cleats. “We are one bad storm "
            "away from losing a section of C dock,” she said.",
            "Boaters did not dispute the repairs but questioned the timing. Several said private marinas across the "
            "river charge less and offer better services, and warned that the increase would push more slips into "
            "vacancy.",
            "The commission agreed to revisit the rates next year once the first phase of dock replacement is done, "
            "and to offer a payment plan for owners who ask for one before April 1.",
        ],
    ),
    Art(
        "sports/harbor-high-rowing-title.txt",
        "Harbor High girls eight wins state rowing title by six-tenths of a second",
        authors=["Marcus Lindqvist"], published="2025-05-12", time="08:00", section="Sports",
        caption="The Harbor High varsity eight celebrates after crossing the finish line on Sunday.",
        credit="Jerome Batts",
        body=[
            "For most of the 2,000 meters, the Harbor High girls varsity eight trailed. With 250 meters to go, "
            "coxswain Abby Strand called for the sprint the crew had been saving all season, and the boat crossed the "
            "line six-tenths of a second ahead of Lakeview Academy.",
            "It is the school’s first state rowing title since 2009 and only its third ever.",
            "The crew was not favored. Lakeview had beaten Harbor by nearly four seconds at the regional "
            "championships two weeks earlier, and Harbor lost its stroke seat to a wrist injury in April.",
            "Coach Tamsin Reyes moved junior Kiera Doyle from the bow to the stroke seat and spent the following "
            "weeks rebuilding the lineup. “Everybody had to learn a new rhythm in a month. They did it without "
            "complaining once,” Reyes said.",
            "Harbor’s boys four finished fourth in its final. Both crews will be honored at a rally in the school "
            "gym on Wednesday afternoon.",
        ],
    ),
]
