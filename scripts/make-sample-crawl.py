#!/usr/bin/env python3
"""Writes samples/crawl/sample-crawl.warc.gz and sample-crawl.warc.wet.gz: a small crawl in Common Crawl's
layout (one gzip member per record; request, response and metadata records in the WARC, conversion records
in the WET) of news pages written for this project. Run from anywhere: python3 scripts/make-sample-crawl.py
The output is deterministic: the same script gives the same bytes."""

import gzip
import io
import os
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "samples", "crawl")

# Three sites, three layouts: a broadsheet with figure captions and a related list, a tech desk with
# JSON-LD metadata and a comments block, and a wire service's bare story page.
PAGES = [
    ("https://www.aegeanherald.example/world/2024/11/05/turkey-greece-maritime-talks", "2024-11-05T09:12:00Z", """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Turkey and Greece agree to reopen talks on maritime borders | Aegean Herald</title>
<meta property="article:published_time" content="2024-11-05T08:40:00+02:00">
<meta name="author" content="Eleni Markou">
<link rel="canonical" href="https://www.aegeanherald.example/world/2024/11/05/turkey-greece-maritime-talks">
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/europe">Europe</a> <a href="/business">Business</a></nav></header>
<main><article>
<h1>Turkey and Greece agree to reopen talks on maritime borders</h1>
<p class="byline">By Eleni Markou in Athens</p>
<figure><img src="/img/ministers.jpg" alt="The two foreign ministers in Athens">
<figcaption>Turkish Foreign Minister Hakan Fidan and Greek Foreign Minister Giorgos Gerapetritis in Athens on Monday.</figcaption></figure>
<p>Turkey and Greece agreed on Monday to reopen talks on their disputed maritime borders in the Aegean, the first such talks in almost five years.</p>
<p>Turkish Foreign Minister Hakan Fidan met his Greek counterpart Giorgos Gerapetritis in Athens, where the two men signed a joint declaration on friendly relations.</p>
<p>&ldquo;We have chosen to talk rather than to shout across the sea,&rdquo; Gerapetritis told reporters after the meeting. Fidan said Ankara was ready to discuss the continental shelf &ldquo;without preconditions&rdquo;.</p>
<p>The European Commission welcomed the agreement. Trade between the two countries reached $6.1 billion last year, according to Greek figures.</p>
<div class="share">Share on Facebook | Share on X | Email</div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Ferry operators add winter routes to the islands</a></li>
<li><a href="/b">Wildfire season ends with record area burned</a></li></ul></aside>
</main>
<footer>&copy; 2024 Aegean Herald. All rights reserved. <a href="/privacy">Privacy policy</a></footer>
</body></html>
"""),
    ("https://techdesk.example/policy/china-condemns-chip-export-curbs", "2024-12-03T14:30:00Z", """<!doctype html>
<html lang="en-GB"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>China condemns new US chip export curbs - TechDesk</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"China condemns new US chip export curbs","datePublished":"2024-12-03T12:05:00Z",
"author":{"@type":"Person","name":"Wei Zhang"}}</script>
</head><body>
<div id="top-bar"><a href="/">TechDesk</a> <a href="/policy">Policy</a> <a href="/chips">Chips</a> <a href="/subscribe">Subscribe</a></div>
<div class="story">
<h1 class="headline">China condemns new US chip export curbs</h1>
<div class="meta"><time datetime="2024-12-03T12:05:00Z">3 December 2024</time> &middot; 4 min read</div>
<div class="story-body">
<p>China on Tuesday condemned new US restrictions on exports of advanced chips and chip-making tools, and accused Washington of abusing export controls to hold back Chinese industry.</p>
<p>The US Commerce Department added 140 Chinese companies to its trade blacklist on Monday, including makers of chip equipment. The rules also limit sales of high-bandwidth memory chips.</p>
<p>&ldquo;China firmly opposes the US side's overstretching of the concept of national security,&rdquo; foreign ministry spokesperson Lin Jian told a regular news briefing in Beijing. He said China would take &ldquo;resolute measures&rdquo; to protect its companies.</p>
<p>Shares in several Chinese chipmakers rose as much as 10% in Shanghai, as investors bet on more state support.</p>
</div></div>
<section class="comments"><h3>12 comments</h3><p>Great article, thanks!</p><p>Who will pay for this in the end?</p></section>
<div class="newsletter">Sign up for our daily newsletter</div>
</body></html>
"""),
    ("https://wire.example/stories/2024/11/28/bangladesh-opposition-protest", "2024-11-28T18:00:00Z", """<html><head><title>Police arrest opposition leaders after Dhaka protest</title>
<meta name="description" content="Police in Bangladesh arrested dozens after a march in Dhaka.">
<meta property="og:type" content="article">
<meta name="date" content="2024-11-28">
</head><body>
<table width="100%"><tr><td><a href="/">WIRE</a> | <a href="/asia">Asia</a> | <a href="/latest">Latest</a></td></tr></table>
<div class="content">
<h2>Police arrest opposition leaders after Dhaka protest</h2>
<p>DHAKA, Nov 28 - Police in Bangladesh arrested at least 45 opposition activists on Thursday after clashes with protesters who marched on the election commission in Dhaka, a police spokesman said.</p>
<p>Officers used tear gas and rubber bullets to disperse about 5,000 supporters of the opposition party, who demanded an early election. At least 30 people were injured, hospital officials said.</p>
<p>The opposition leader, Mirza Fakhrul Islam Alamgir, accused the government of "crushing every peaceful protest" and said the party would hold another rally next week.</p>
<p>Home Affairs Adviser Jahangir Alam Chowdhury denied that police had used excessive force.</p>
<p><small>Writing by Anita Rao; Editing by Tom Hale</small></p>
</div>
<div class="footer">Copyright 2024 Wire. Terms of use</div>
</body></html>
"""),
]

# WET conversions: the plain text Common Crawl extracts from pages, menus and footers included.
CONVERSIONS = [
    ("https://www.southerncross.example/news/lula-visits-buenos-aires", "2024-11-19T10:00:00Z", """Lula visits Buenos Aires as Brazil and Argentina mend ties | Southern Cross
Home
News
Politics
Economy
Lula visits Buenos Aires as Brazil and Argentina mend ties
19 November 2024
Brazilian President Luiz Inacio Lula da Silva met Argentina's President Javier Milei in Buenos Aires on Monday, their first meeting since Milei took office.
The two leaders discussed trade within the Mercosur bloc and a gas pipeline from the Vaca Muerta field, officials from both governments said.
"Brazil and Argentina are condemned to get along," Lula told reporters after the talks. Milei said Argentina wanted to sign a trade deal with the European Union by the end of the year.
Share this article
Facebook Twitter WhatsApp
Most read
(c) 2024 Southern Cross
"""),
    ("https://www.sahelreport.example/security/nigeria-army-borno", "2024-11-21T07:30:00Z", """Nigerian army says it killed 20 militants in Borno | Sahel Report
Skip to content
Security
Nigerian army says it killed 20 militants in Borno
By Aisha Bello
November 21, 2024
Nigeria's army said on Wednesday its troops had killed 20 Boko Haram militants and freed 14 hostages in an operation near Maiduguri in Borno state.
Army spokesman Major General Edward Buba said the troops also seized weapons and destroyed two bomb-making workshops.
Boko Haram has killed more than 35,000 people and displaced about two million since its insurgency began in 2009, according to the United Nations.
Related articles
Flooding cuts off towns in northeast Nigeria
Sign up for our newsletter
"""),
]


def record_id(n):
    return "<urn:uuid:%s>" % uuid.UUID(int=n)


def record(warc_type, uri, date, n, content_type, body, extra=()):
    headers = ["WARC/1.0", "WARC-Type: " + warc_type, "WARC-Date: " + date, "WARC-Record-ID: " + record_id(n)]
    if uri:
        headers.append("WARC-Target-URI: " + uri)
    headers += list(extra)
    headers += ["Content-Type: " + content_type, "Content-Length: %d" % len(body)]
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + body + b"\r\n\r\n"


def member(data):
    # One gzip member per record, as Common Crawl writes; mtime 0 keeps the bytes the same on every run.
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as z:
        z.write(data)
    return buf.getvalue()


def warcinfo(n, date):
    return record("warcinfo", None, date, n, "application/warc-fields",
                  b"software: NewsGraph scripts/make-sample-crawl.py\r\nformat: WARC File Format 1.0\r\n")


def main():
    n = 1
    out = [member(warcinfo(n, "2024-12-04T00:00:00Z"))]
    for uri, date, html in PAGES:
        host = uri.split("/")[2]
        path = "/" + uri.split("/", 3)[3]
        request = ("GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: NewsGraph-sample\r\n\r\n" % (path, host)).encode()
        body = html.encode("utf-8")
        response = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body)).encode() + body
        n += 1
        out.append(member(record("request", uri, date, n, "application/http; msgtype=request", request)))
        n += 1
        out.append(member(record("response", uri, date, n, "application/http; msgtype=response", response)))
        n += 1
        out.append(member(record("metadata", uri, date, n, "application/warc-fields", b"fetchTimeMs: 112\r\n",
                                 ["WARC-Concurrent-To: " + record_id(n - 1)])))
    with open(os.path.join(OUT, "sample-crawl.warc.gz"), "wb") as f:
        f.write(b"".join(out))

    n = 100
    out = [member(warcinfo(n, "2024-12-04T00:00:00Z"))]
    for uri, date, text in CONVERSIONS:
        n += 1
        out.append(member(record("conversion", uri, date, n, "text/plain", text.encode("utf-8"))))
    with open(os.path.join(OUT, "sample-crawl.warc.wet.gz"), "wb") as f:
        f.write(b"".join(out))


if __name__ == "__main__":
    main()
