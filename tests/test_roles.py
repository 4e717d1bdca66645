"""Roles of people: which phrase is a person's title, and when two titles conflict.

Every sentence is a real one from French news (RPM2 articles), shortened where marked. The
extraction tables run the pipeline on one sentence; the comparison tables compare two.
"""

from __future__ import annotations

import pytest

from factcheck.model import Severity

pytestmark = pytest.mark.model


def _roles(nlp, text: str) -> dict[str, set[tuple[str, str]]]:
    """Person -> {(role text, head)} found in ``text``."""
    from factcheck.extract.pipeline import parse_articles
    from factcheck.model import Article

    (parsed,) = parse_articles([Article(id="a", path="a", raw=text + "\n")], nlp)
    out: dict[str, set[tuple[str, str]]] = {}
    for f in parsed.facts:
        if f.type == "role":
            out.setdefault(f.attrs["person"], set()).add((str(f.value), f.attrs["head"]))
    return out


def _heads(found: dict[str, set[tuple[str, str]]], person: str) -> set[str]:
    return {head for name, roles in found.items() if person in name for _, head in roles}


EXTRACTED = [
    # (what, sentence, person, heads expected)
    ("an apposition after the name",
     "Hier, Christian Noyer, président de la Banque de France, a insisté sur le fait que ces "
     "banques étaient solides.", "Noyer", {"président"}),
    ("a title before the name, and an apposition after it: both",
     "Le commandant Chea Morn, responsable de la zone militaire n°4 du Cambodge, et le "
     "lieutenant Wiboonsak, représentant des autorités militaires thaïlandaises de la zone n°2, "
     "se sont rencontrés jeudi 23 octobre à Siem Reap.", "Wiboonsak",
     {"lieutenant", "représentant"}),
    ("the head of 'président du groupe X' is président",
     "C'est l'une de ces figures historiques de la chaîne que le président du groupe Nonce "
     "Paolini, arrivé en mai 2007, a poussé vers la sortie.", "Paolini", {"président"}),
    ("the head of 'le chef de la diplomatie' is chef",
     "Le chef de la diplomatie thaïlandaise, Sompong Amornviwat, a indiqué à l'AFP qu'il se "
     "tenait prêt.", "Sompong", {"chef"}),
    ("a rank with its arm",
     "Des soldats thaïlandais sont entrés dans notre territoire, a déclaré le général de brigade "
     "cambodgien Bun Thean.", "Bun Thean", {"général"}),
    ("a title after 'du' before a comma",
     "Pékin a dénoncé mercredi les propos du ministre français des Affaires étrangères, Bernard "
     "Kouchner, qui a réclamé un arrêt de la répression.", "Kouchner", {"ministre"}),
    ("in a list, a bare title after a name is that name's",
     "La commission des finances du Sénat auditionnera mercredi Christian Noyer, gouverneur de "
     "la Banque de France, Michel Prada, président de l'Autorité des marchés financiers.",
     "Noyer", {"gouverneur"}),
    ("an apposition after a name inside a phrase, when it is a title",
     "Lance Armstrong n'a donc pas relevé le défi lancé par Pierre Bordry, le président de "
     "l'Agence française de lutte antidopage.", "Bordry", {"président"}),
]

NOT_ROLES = [
    # (what, sentence, person whose role is not there, head that must not be found)
    ("'juge' after a quote is the verb",
     "\"Ce dispositif ne vise qu'à masquer l'impuissance du gouvernement\", juge Delphine Batho "
     "qui dénonce un décret.", "Batho", "juge"),
    ("'félicité' after an auxiliary is the verb",
     "Pour sa part, le dalaï lama a félicité M. Sarkozy pour sa position.", "Sarkozy",
     "félicité"),
    ("a title running into the next name is that person's",
     "Étaient présents les ministres de l'Économie Christine Lagarde et du Budget Éric Woerth, "
     "le gouverneur de la Banque de France Christian Noyer et le directeur du Trésor Xavier "
     "Musca.", "Woerth", "gouverneur"),
    ("an adverbial before a comma is no apposition",
     "Selon ce scénario, Hun Sen jouerait de la rhétorique nationaliste.", "Hun Sen", "scénario"),
    ("a complement before a comma, the name the subject, is no apposition",
     "Désavouée par la plupart des acteurs judiciaires, mise à l'écart par le chef de l'Etat, "
     "Rachida Dati doit désormais affronter une enquête.", "Dati", "chef"),
    ("a complement of another title is not the name's title",
     "Conseiller régional écologiste et adjoint au maire de Lyon, Etienne Tête est souvent "
     "critiqué par ses collègues.", "Tête", "maire"),
    ("in a list, the title between two names is the next one's",
     "Selon l'Elysée, ce plan a été l'objet d'une réunion avec le chef de l'Etat, le Premier "
     "Ministre, François Fillon, la ministre de l'Economie, Christine Lagarde, le gouverneur de "
     "la Banque de France, Christian Noyer, et le directeur général du Trésor, Xavier Musca.",
     "Lagarde", "gouverneur"),
]


@pytest.mark.parametrize(("what", "text", "person", "heads"), EXTRACTED,
                         ids=[c[0] for c in EXTRACTED])
def test_role_extracted(nlp, what, text, person, heads):
    assert _heads(_roles(nlp, text), person) == heads, what


@pytest.mark.parametrize(("what", "text", "person", "head"), NOT_ROLES,
                         ids=[c[0] for c in NOT_ROLES])
def test_not_a_role(nlp, what, text, person, head):
    assert head not in _heads(_roles(nlp, text), person), what


def test_the_next_name_keeps_its_title(nlp):
    found = _roles(nlp, NOT_ROLES[2][1])
    assert _heads(found, "Noyer") == {"gouverneur"}


def _role_findings(a: str, b: str):
    from factcheck.api import compare

    report = compare([("a", a), ("b", b)])
    return [f for f in report.results if f.rule == "attribution" and f.status == "disagreement"]


CONFLICTS = [
    # (what, a, b, severity)
    ("one body, two titles",
     "Hier, Christian Noyer, président de la Banque de France, a insisté sur le fait que ces "
     "banques étaient solides.",
     "Pour ne pas renforcer l'inquiétude des marchés, le gouverneur de la Banque de France, "
     "Christian Noyer, a souligné que les banques étaient solides.", Severity.ERROR),
    ("two ranks of one hierarchy",
     "« Les deux parties sont convenues de rester sur leurs positions », a dit le général "
     "Wiboonsak, ajoutant que la Thaïlande n'avait pas l'intention de se retirer.",
     "Le commandant Chea Morn et le lieutenant Wiboonsak, représentant des autorités militaires "
     "thaïlandaises, se sont rencontrés jeudi à Siem Reap.", Severity.ERROR),
    ("two titles over a body named by a common noun: likely, not certain",
     "Il a été écarté début juin par le directeur général de TF1, Nonce Paolini, qui l'a "
     "contraint à céder l'antenne.",
     "C'est l'une de ces figures historiques de la chaîne que le président du groupe Nonce "
     "Paolini, arrivé en mai 2007, a poussé vers la sortie.", Severity.WARNING),
]

AGREEMENTS = [
    # (what, a, b): no serious role finding
    ("a shorter form", "Thomas Bach, président du CIO, a déclaré que les Jeux auront lieu.",
     "Thomas Bach, président, a déclaré que les Jeux auront lieu."),
    ("an added jurisdiction",
     "Le procureur de la République, Jean-Claude Marin, a indiqué mercredi que le parquet "
     "ouvrait une enquête.",
     "Le procureur de Paris, Jean-Claude Marin, a indiqué mercredi que le parquet ouvrait une "
     "enquête."),
    ("synonyms", "Le réalisateur Raoul Sangla disait de lui en 2006 qu'il était une icône.",
     "Le cinéaste Raoul Sangla disait de lui en 2006 qu'il était une icône."),
    ("a nationality adjective and a capital for the country",
     "Le ministre thaïlandais des Affaires étrangères, Sompong Amornvivat, avait alors affirmé "
     "que son gouvernement ne céderait pas.",
     "Le ministre des Affaires étrangères de Bangkok, M. Sompong Amornviwat, était reçu à Phnom "
     "Penh."),
    ("two offices over two bodies are two true roles",
     "Georges Pauget, directeur général du Crédit agricole, a salué le plan.",
     "Georges Pauget, le président de la Fédération bancaire française, a salué le plan."),
    ("a loose title against an office",
     "Le patron de TF1, Nonce Paolini, a remercié plusieurs figures historiques.",
     "Le directeur général de TF1, Nonce Paolini, a remercié plusieurs figures historiques."),
    ("a verb taken for a title",
     "\"Ce dispositif ne vise qu'à masquer l'impuissance du gouvernement\", juge Delphine Batho.",
     "\"Ce dispositif ne vise qu'à masquer l'impuissance du gouvernement\", estime la députée "
     "Delphine Batho."),
    ("a rank against a function",
     "Le général thaï Vibulsak Neepan a déclaré que les forces s'étaient retirées.",
     "Vibulsak Neepan, commandant de la région Est, a déclaré que les forces s'étaient "
     "retirées."),
]


@pytest.mark.parametrize(("what", "a", "b", "severity"), CONFLICTS, ids=[c[0] for c in CONFLICTS])
def test_role_conflict(nlp, what, a, b, severity):
    assert [f.severity for f in _role_findings(a, b)] == [severity], what


@pytest.mark.parametrize(("what", "a", "b"), AGREEMENTS, ids=[c[0] for c in AGREEMENTS])
def test_no_serious_role_finding(nlp, what, a, b):
    assert [f for f in _role_findings(a, b) if f.severity >= Severity.WARNING] == [], what


def test_conflict_evidence_names_the_person(nlp):
    (finding,) = _role_findings(CONFLICTS[1][1], CONFLICTS[1][2])
    assert {e.text for e in finding.evidence} == {"le général Wiboonsak",
                                                  "le lieutenant Wiboonsak"}


def test_role_agreement_evidence_names_the_person(nlp):
    from factcheck.api import compare

    report = compare([
        ("a", "Pierre Bordry, son président, avait proposé d'offrir au septuple vainqueur du Tour "
              "de France le moyen de faire taire les rumeurs."),
        ("b", "Lance Armstrong n'a donc pas relevé le défi lancé par Pierre Bordry, le président "
              "de l'Agence française de lutte antidopage.")])
    (agreed,) = [f for f in report.results if f.type == "role" and f.status == "agreement"]
    assert {e.text for e in agreed.evidence} == {
        "Pierre Bordry, son président",
        "Pierre Bordry, le président de l'Agence française de lutte antidopage"}
