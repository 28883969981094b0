"""bytes-and-bolts.example — an English personal tech blog from a static site generator. Some chrome has
telling classes (cookie-notice, newsletter-signup, related-posts); some does not (the post-meta line, a
mid-post callout, the author box). Metadata in <meta name="author"> and <time datetime>."""

from __future__ import annotations

from .common import Art, Chrome, block_html, esc, is_para, long_date, reading_minutes, related_titles, slug

HOST = "bytes-and-bolts.example"
LANG = "en"
NAME = "Bytes & Bolts"
TXT_BULLET = "-"
CALLOUT = ("If you like posts like this, the monthly parts-bin digest collects them in one email. No spam, "
           "unsubscribe anytime.")
BIO = {
    "Priya Ramaswamy": "Priya Ramaswamy writes about hardware, small software and fixing things that were never meant "
                       "to be fixed. She lives by the sea with too many soldering irons.",
    "Jonas Whitfield": "Jonas Whitfield and Mei Tanaka-Ross restore old computers and keyboards on weekends and "
                       "write about it here as guests.",
}


def render(art: Art, site: list[Art]) -> tuple[str, list[str]]:
    c = Chrome()
    rel = related_titles(site, art, 3)
    authors = " and ".join(art.authors)
    meta_line = (f"Posted on {long_date(art.published, 'en')} by {authors} · {reading_minutes(art.body)} min read · "
                 f"Filed under {art.section}")
    c(meta_line)
    author_links = " and ".join(f'<a href="/about#{slug(a)}">{esc(a)}</a>' for a in art.authors)
    body: list[str] = []
    paras = 0
    for b in art.body:
        body.append(block_html(b))
        if is_para(b):
            paras += 1
            if paras == 3:
                body.append(f'<div class="callout"><p>{c.h(CALLOUT)}</p></div>')
    related = "\n".join(f'    <li><a href="/posts/r{i}">{c.h(t)}</a></li>' for i, t in enumerate(rel))
    html = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(art.title)} — Bytes &amp; Bolts</title>
<meta name="author" content="{esc(", ".join(art.authors))}">
<meta name="generator" content="static site generator">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
</head>
<body>
<div class="cookie-notice"><p>{c.h("This site uses one cookie to remember your light or dark theme. No tracking, no ads, promise.")}</p><button>Got it</button></div>
<header>
  <a href="/" class="site-title">Bytes &amp; Bolts</a>
  <p class="site-tagline">{c.h("Notes from a workbench full of half-finished projects")}</p>
  <ul class="menu"><li><a href="/posts">Posts</a></li><li><a href="/projects">Projects</a></li><li><a href="/about">About</a></li><li><a href="/feed.xml">RSS</a></li></ul>
</header>
<main>
<article class="post">
<h1 class="post-title">{esc(art.title)}</h1>
<p class="post-meta">Posted on <time datetime="{art.published}">{long_date(art.published, "en")}</time> by {author_links} · {reading_minutes(art.body)} min read · Filed under <a href="/tags/{slug(art.section)}">{esc(art.section)}</a></p>
<div class="post-content">
{chr(10).join(body)}
</div>
<div class="post-tags">{c.h("Tags: " + ", ".join(art.tags))}</div>
<div class="author-box"><p>{c.h(BIO[art.authors[0]])}</p></div>
</article>
<div class="newsletter-signup">
  <h3>{c.h("Subscribe to the Bytes & Bolts newsletter")}</h3>
  <p>{c.h("One email a month with new posts and links worth reading.")}</p>
  <form><input type="email" placeholder="you@example.com"> <button>Subscribe</button></form>
</div>
<section class="related-posts">
  <h3>{c.h("You might also like")}</h3>
  <ul>
{related}
  </ul>
</section>
<div class="comments">
  <p>{c.h("Comments are handled on a self-hosted forum. Join the discussion there.")}</p>
</div>
</main>
<footer>
  <p>{c.h("© 2025 Priya Ramaswamy. Text licensed CC BY-SA 4.0; code samples MIT.")}</p>
  <p>{c.h("Built with a static site generator and too much coffee.")}</p>
</footer>
</body>
</html>
"""
    return html, c.strings


ARTICLES = [
    Art(
        "posts/paid-newsletter-three-years.html",
        "What three years of running a paid newsletter taught me about the business",
        authors=["Priya Ramaswamy"], published="2025-03-03", section="Writing", hard_case="newsletter-topic",
        tags=["newsletter", "writing", "money"],
        body=[
            "Three years ago I turned the occasional email I sent to friends about electronics projects into a paid "
            "newsletter. It now has 4,100 subscribers, 620 of whom pay $6 a month. This post is about the money, "
            "because that is what people ask me about most.",
            ("h", "The numbers"),
            ("ul", ["Free subscribers: 4,100, growing about 3 percent a month",
                    "Paying subscribers: 620, or roughly 15 percent of the list",
                    "Monthly churn among paying readers: 2.1 percent",
                    "Platform and payment fees: about 12 percent of revenue"]),
            "The conversion rate is higher than the 5 to 10 percent I kept reading about. My guess is that a niche "
            "audience is more willing to pay: people who repair old oscilloscopes do not have many other places to "
            "read about it.",
            ("h", "What actually makes people subscribe"),
            "It is not the signup box. I tested four versions of the “Subscribe to the newsletter” button and the "
            "difference between them was noise. What moved the numbers was being mentioned by someone else: one link "
            "from a popular forum thread brought more sign-ups in a day than my own site did in a month.",
            "Sign up for my newsletter, get a free guide: I tried that too. It brought in hundreds of addresses and "
            "almost no readers.",
            ("h", "What I would do differently"),
            "I would start charging earlier. For the first year everything was free, and when I introduced a paid tier, "
            "some long-time readers felt that something had been taken away from them, even though the free issues "
            "never stopped.",
            "I would also keep a separate list for announcements. Mixing “new post” emails with “the workshop kit is "
            "back in stock” emails annoyed readers who only wanted one of the two, and unsubscribes spiked every time "
            "I sold something.",
            "The newsletter is not a full-time income, and I do not think it needs to be. It pays for parts, tools and "
            "the occasional conference ticket, and it keeps me writing every month.",
        ],
    ),
    Art(
        "posts/sqlite-backups-home-server.html",
        "Backing up SQLite databases on a tiny home server without stopping anything",
        authors=["Priya Ramaswamy"], published="2025-01-18", section="Software", tags=["sqlite", "backups", "homelab"],
        body=[
            "My home server runs about a dozen small services, and most of them keep their data in SQLite files. For a "
            "long time my backup strategy was to copy the whole data directory every night and hope for the best. "
            "That works until the copy happens in the middle of a write.",
            "A SQLite file copied while a transaction is in progress can be inconsistent. Most of the time you will "
            "not notice. The one time you need the backup, you will.",
            ("h", "Use the database to make the copy"),
            "SQLite has a built-in way to make a consistent copy of a live database: the backup API, also exposed "
            "through the command-line shell. Another option is the VACUUM INTO statement, which writes a compacted "
            "copy to a new file. Both are safe to run while other processes are reading and writing.",
            "My nightly job now does four things for each database:",
            ("ol", ["write a fresh copy with VACUUM INTO to a staging folder",
                    "run an integrity check on the copy, not on the live file",
                    "compress the copy and give it a date-stamped name",
                    "upload it to an external drive and delete copies older than 30 days"]),
            "The whole job takes under a minute for about 2 GB of data on a small single-board computer.",
            ("h", "Test the restore"),
            "A backup you have never restored is a hope, not a backup. Once a month, a second script picks a random "
            "backup, restores it into a temporary folder and runs a few queries against it. If anything fails, I get "
            "an email.",
            "It has failed once, because an external drive had quietly started returning read errors. That alone "
            "justified the afternoon I spent writing it.",
        ],
    ),
    Art(
        "posts/terminal-keyboard-restoration.html",
        "Bringing a 1980s terminal keyboard back to life",
        authors=["Jonas Whitfield", "Mei Tanaka-Ross"], published="2025-06-09", section="Hardware",
        tags=["keyboards", "retro", "microcontrollers"],
        body=[
            "When one of us found a 1980s terminal keyboard at a flea market for the price of a sandwich, it came with "
            "a sticky space bar, eleven dead keys and a smell we will not describe. This is the story of how we got it "
            "working with a modern computer.",
            ("h", "Cleaning comes first"),
            "We photographed the layout before removing a single keycap. Then every cap went into a bath of warm water "
            "and mild dish soap for a night, and the switch plate got a gentle going-over with isopropyl alcohol and a "
            "soft brush.",
            "Nine of the eleven dead keys came back after cleaning alone. The contacts had simply been covered in "
            "decades of dust and spilled coffee.",
            ("h", "The two stubborn switches"),
            "The remaining two switches had broken springs. Replacement parts for this switch type are no longer made, "
            "so we took springs from two keys nobody will ever press: the ones labeled SETUP and BREAK.",
            ("h", "Talking to a modern computer"),
            "The keyboard speaks its own serial protocol, not USB. We wrote a small firmware for a cheap "
            "microcontroller board that reads the key matrix and presents itself to the computer as a standard USB "
            "keyboard. The code is about 300 lines, and we will publish it once it is a little tidier.",
            "Typing on it is loud, slow and completely delightful. One of us now uses it every day; the other one works "
            "in a different room.",
        ],
    ),
    Art(
        "posts/e-ink-status-display.txt",
        "Building an e-ink status display that runs for months on one charge",
        authors=["Priya Ramaswamy"], published="2025-09-14", section="Hardware", tags=["e-ink", "low power", "esp"],
        body=[
            "My desk has a small e-ink screen that shows the weather, my next calendar event and whether the home "
            "server is healthy. It updates every fifteen minutes and I charge it roughly every four months.",
            "The trick is that it spends almost all of its time asleep. E-ink only needs power to change what it "
            "shows, so the microcontroller wakes up, fetches a tiny JSON document from the home server, redraws the "
            "screen and goes back to deep sleep. Each wake-up takes about four seconds.",
            ("h", "Parts list"),
            ("ul", ["a 4.2-inch e-ink panel with a driver board", "a low-power microcontroller with Wi-Fi",
                    "a 2,000 mAh lithium battery and a charging board",
                    "a 3D-printed case, or a picture frame if you do not own a printer"]),
            "Most of the work happens on the server, not the device. A small script gathers the data and renders it "
            "into a simple layout, so the firmware stays dumb and I rarely need to reflash it.",
            "The biggest power drain turned out to be Wi-Fi, not the screen. Giving the device a fixed IP address "
            "instead of waiting for DHCP cut each wake-up by almost two seconds and roughly doubled the battery life.",
        ],
    ),
    Art(
        "posts/mesh-wifi-stone-walls.txt",
        "Mesh Wi-Fi in a house with stone walls: what worked and what did not",
        authors=["Priya Ramaswamy"], published="2025-11-02", section="Networking", tags=["wifi", "networking", "home"],
        body=[
            "Our house was built in 1890 with walls that are half a meter thick in places. Wi-Fi from a single router "
            "in the hallway reached the kitchen, barely, and nothing beyond it.",
            "I tried three approaches over six months before finding one that worked reliably.",
            ("h", "Range extenders: no"),
            "A cheap plug-in extender repeated the weak signal it received and halved the speed in the process. The "
            "rooms it covered got worse speeds than before, just with more bars on the icon.",
            ("h", "Wireless mesh: better, but not enough"),
            "A three-node mesh kit was a clear improvement, as long as each node could see another one through a "
            "doorway. The node in the garden office never managed a stable link through the back wall.",
            ("h", "Wired backhaul: yes"),
            "What finally worked was running cable. I used the old telephone conduit to pull network cable to two rooms "
            "and connected the mesh nodes with wires instead of radio. Every room now gets full speed, and the garden "
            "office is connected through a short outdoor-rated cable along the fence.",
            "If your walls are thick, spend your budget on cable first and access points second.",
        ],
    ),
]
