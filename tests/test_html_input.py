"""A saved news page: the article and its metadata are found, the page chrome is not."""

from __future__ import annotations

from factcheck.load import load_file

PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Le gouvernement débloque 3 millions d'euros - Le Journal</title>
<meta property="og:title" content="Le gouvernement débloque 3 millions d'euros">
<meta property="og:site_name" content="Le Journal">
<meta name="date" content="2024-03-14">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/meteo">Météo : un week-end ensoleillé</a></li></ul></nav>
<article><h1>Le gouvernement débloque 3 millions d'euros</h1>
<p>Le ministre de l'Agriculture a annoncé jeudi une aide de 3 millions d'euros pour les
1.500 exploitants touchés par les inondations de février dans le Pas-de-Calais.</p>
<p>« Nous serons aux côtés de chaque agriculteur », a déclaré le ministre lors d'un
déplacement à Arras, précisant que les premiers versements interviendraient en avril.</p>
<p>Les syndicats agricoles ont salué un premier pas mais réclament davantage de moyens pour
reconstruire les bâtiments détruits et indemniser les pertes de récoltes.</p>
</article>
<aside><h3>Les plus lus</h3><p>Football : le PSG s'impose 4-1 à Lens</p></aside>
<footer>© Le Journal 2024 - Mentions légales - Contact</footer>
</body></html>"""


def test_html_page_gives_article_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    article = load_file(p)
    body = article.raw[article.body_start:]
    assert "aide de 3 millions d'euros" in body
    assert "Nous serons aux côtés de chaque agriculteur" in body
    for chrome in ("Accueil", "Mentions légales", "PSG", "Les plus lus"):
        assert chrome not in body
    assert article.title and "3 millions" in article.title
    assert article.date is not None and article.date.year == 2024
    assert any("offsets refer to the extracted article text" in w for w in article.warnings)
