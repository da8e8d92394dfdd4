"""Articles from the web: feeds followed and links fetched, so the base fills itself.

``client`` fetches over HTTP(S) safely (``policy``: public addresses only, unless a host is
allowed; redirects limited and each re-checked; sizes, types and times capped; a minimum
interval per host; robots.txt for pages). ``pages`` turns a page into an article record
(trafilatura), ``feeds`` reads RSS and Atom (feedparser) and keeps each feed's state, and
``follow`` ties them: new items' pages become article files in the knowledge folder, which
the indexer reads like any other file (the files stay the source of truth).
"""
