"""Past-tense verbs a resume line starts with, per language.

A highlight is woven into a sentence ("As X at Y, I cut latency by 40%") only
when its first word is one of these; anything else ("1.2 k stars", "Final
project: ...") is quoted as the user wrote it. Lists, not suffix rules: "Advanced
Python course" and "Used by three city apps" must not become "I advanced ..." or
"I used by ...".
"""

EN = """
accelerated accomplished achieved acquired adapted added addressed administered adopted advised
advocated analysed analyzed announced answered applied appointed architected arranged assembled assessed
assisted attained audited authored automated balanced boosted bootstrapped brought budgeted built
calculated campaigned captured carried catalogued championed changed chaired clarified cleaned closed
coached coded collaborated collected combined commissioned communicated compared compiled completed
composed computed conceived conceptualised conceptualized concluded condensed conducted configured
consolidated constructed consulted contained contributed controlled converted convinced coordinated
corrected counselled counseled crafted created cultivated curated customised customized cut debugged
decided decreased defined delegated delivered demonstrated deployed designed detected determined developed
devised diagnosed digitised digitized directed discovered dispatched documented doubled drafted drew drove
earned edited educated eliminated enabled encouraged engineered enhanced enlarged ensured established
estimated evaluated examined exceeded executed expanded expedited experimented explained explored extended
extracted fabricated facilitated fixed forecast forecasted formalised formalized formed formulated fostered
founded gained gathered generated grew guided halved handled harmonised harmonized headed helped hired
hosted identified illustrated implemented improved increased influenced initiated innovated inspected
inspired installed instituted instructed integrated interviewed introduced invented investigated joined
kept launched lectured led leveraged lifted localised localized lowered maintained managed mapped marketed
maximised maximized measured mediated mentored merged migrated minimised minimized modelled modeled
modernised modernized modified monitored motivated moved negotiated onboarded opened operated optimised
optimized orchestrated organised organized oversaw owned paired partnered performed piloted pioneered
planned ported predicted prepared presented prevented prioritised prioritized processed produced profiled
programmed promoted proposed prototyped proved provided published purchased raised ran reached rebuilt received
recommended reconciled recorded recovered recruited redesigned reduced refactored refined reorganised
reorganized repaired replaced reported represented researched resolved restored restructured retained
revamped reviewed revised revitalised revitalized rewrote rolled salvaged saved scaled scheduled screened
secured selected served set shaped shared shipped shortened showed simplified simulated sold solved sourced
spearheaded specified sped stabilised stabilized standardised standardized started steered streamlined
strengthened structured studied submitted succeeded supervised supported surpassed surveyed sustained
synthesised synthesized systematised systematized taught tested tightened took trained transformed
translated tripled troubleshot tuned turned uncovered unified upgraded used validated verified visualised
visualized volunteered won worked wrote
"""

# Masculine forms; feminine (+а) and plural (+и) are derived, reflexive -ся becomes -ась / -ись.
RU = """
автоматизировал адаптировал внедрил возглавил вырастил выпустил выполнил вёл давал добился доработал
завершил запустил защитил изучил интегрировал исправил исследовал консультировал координировал
курировал мигрировал модернизировал наладил написал настроил нанял научил обеспечил обновил обучил
объединил организовал опубликовал оптимизировал освоил основал отладил открыл перевёл переписал
перенёс переработал повысил подготовил поддерживал построил представил преподавал провёл продвигал
проектировал протестировал развернул развил разработал расширил реализовал реорганизовал решил
руководил сделал снизил создал сократил сопровождал спроектировал стабилизировал стандартизировал
увеличил удвоил ускорил упростил улучшил управлял участвовал учился устранил утроил формализовал
выступил выиграл получил занялся справился
"""

DE = """
analysierte aufgebaut automatisiert automatisierte baute beschleunigt beschleunigte betreute betreut
entwarf entwickelt entwickelte erhöhte erhöht erstellte erstellt führte geführt gegründet gründete
geleitet geplant implementiert implementierte integriert integrierte koordinierte koordiniert leitete
migriert migrierte optimiert optimierte plante programmierte programmiert reduziert reduzierte
schrieb senkte gesenkt steigerte gesteigert unterrichtete unterrichtet verbesserte verbessert
verkürzte verkürzt veröffentlichte veröffentlicht übernahm übernommen umgesetzt setzte gewann gewonnen
betrieb startete gestartet einführte eingeführt
"""

FR = """
analysé amélioré animé automatisé coordonné conçu construit créé déployé développé dirigé divisé
doublé écrit encadré enseigné fondé formé géré implémenté intégré lancé mené migré mis modernisé
optimisé organisé piloté planifié programmé publié réalisé réduit refondu remporté restructuré
simplifié supervisé testé accéléré augmenté diminué livré obtenu participé
"""

ES = """
analicé automaticé coordiné construí creé desarrollé diseñé dirigí dupliqué enseñé escribí fundé
gestioné implementé integré lancé lideré logré mejoré migré optimicé organicé planifiqué programé
publiqué reduje rediseñé simplifiqué supervisé aumenté aceleré entregué gané obtuve participé
analizado automatizado coordinado construido creado desarrollado diseñado dirigido gestionado
implementado integrado liderado mejorado migrado optimizado reducido
"""


def _russian(words: str) -> set[str]:
    forms = set()
    for word in words.split():
        forms.add(word)
        if word.endswith("ся"):  # занялся -> занялась, занялись
            stem = word[:-2]
            forms.update({stem + "ась", stem + "ись"})
        elif word.endswith("ёл"):  # вёл -> вела, провёл -> провела
            forms.update({word[:-2] + "ела", word[:-2] + "ели"})
        elif word.endswith("ёс"):  # перенёс -> перенесла
            forms.update({word[:-2] + "есла", word[:-2] + "если"})
        elif word.endswith("л"):
            forms.update({word + "а", word + "и"})
    return forms


PAST_TENSE = {
    "en": frozenset(EN.split()),
    "ru": frozenset(_russian(RU)),
    "de": frozenset(DE.split()),
    "fr": frozenset(FR.split()),
    "es": frozenset(ES.split()),
}

# "Promoted to team lead", "Hired as the first engineer": passive, not something the user did to others.
PASSIVE_AFTER = {
    "en": (
        frozenset(
            [
                "promoted",
                "hired",
                "invited",
                "elected",
                "named",
                "selected",
                "recognised",
                "recognized",
                "chosen",
            ]
        ),
        frozenset(["to", "as", "for", "into", "by"]),
    ),
}
# A past participle followed by these is passive or a noun phrase in any case ("Used by three apps").
NOT_A_CLAUSE_AFTER = {"en": frozenset({"by", "of"})}
