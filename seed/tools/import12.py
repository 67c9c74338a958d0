#!/usr/bin/env python3
"""Issue 12: fold inventory.json (and, with --reference, reference.json) into seed/atlas.json.

Run from the worktree: python3 /work/scratch/issue12/import12.py [--reference]
"""
import json, sys, re, copy

WT = '/work/wt/i12/seed/atlas.json'
INV = '/work/scratch/issue12/inventory.json'
REF = '/work/scratch/issue12/reference.json'

ds = json.load(open(WT))
inv = json.load(open(INV))

def sid(k):
    return k if k.startswith('source/') else 'source/' + k

def cites(lst):
    return [{'source': sid(c['source']), 'locator': c['locator']} for c in lst]

# inventory ids that duplicate nodes issue-11 already added
DOC_MAP = {
    'document/regulation-on-leading-party-members-groups-2015': 'document/party-group-regulation-2015',
    'document/opinion-on-consultation-in-urban-and-rural-communities-2015': 'document/community-consultation-opinion-2015',
    'document/overall-programme-separating-trade-associations-2015': 'document/business-association-separation-programme-2015',
    'document/implementation-opinion-cppcc-deliberative-democracy-2015': 'document/cppcc-deliberative-democracy-opinion-2015',
    'document/interim-provisions-leading-personnel-public-institutions-2015': 'document/public-institution-leading-personnel-provisions-2015',
    'document/interim-regulations-registration-administration-public-institutions': 'document/public-institution-registration-regulations',
    'document/cpc-regulations-on-inspection-work-2015': 'document/inspection-regulations-2015',
}
STMT_MAP = {
    'statement/rana-lsgs-date-to-yanan': 'statement/small-group-method-goes-back-to-yanan',
    'statement/rana-lsgs-unique-not-marxist': 'statement/small-groups-are-peculiar-to-china',
    'statement/wiki-first-1958': 'statement/first-groups-set-up-in-1958',
    'statement/wiki-cultural-revolution-deng': 'statement/groups-lapsed-in-cultural-revolution',
    'statement/blog-2013-reorganisation': 'statement/2013-reorganisation-opened-information',
    'statement/zhou-short-term-majority': 'statement/most-groups-are-short-term',
    'statement/blog-cross-sectional-centralise': 'statement/cross-sectional-groups-centralise-control',
    'statement/thomas-fac-alleged-concentration': 'statement/commission-concentrates-foreign-policy-power',
    'statement/thomas-one-disclosure': 'statement/member-lists-published-once',
}
IDMAP = dict(DOC_MAP)
IDMAP.update(STMT_MAP)

def m(i):
    return IDMAP.get(i, i)

def byid():
    out = {}
    for k in ['sources', 'groups', 'offices', 'institutions', 'positions', 'people', 'topics', 'documents', 'statements', 'reportedCounts']:
        for n in ds.get(k) or []:
            out[n['id']] = n
    return out

def claim(prop, value, sources, conf='STATED', rank='PREFERRED', note=''):
    c = {'property': prop, 'value': value, 'sources': sources, 'confidence': conf, 'rank': rank}
    if note:
        c['note'] = note
    return c

def add_claim(node, c):
    cl = node.setdefault('claims', [])
    for x in cl:
        if x['property'] == c['property'] and x['value'] == c['value']:
            for s in c['sources']:
                if s not in x['sources']:
                    x['sources'].append(s)
            return x
    cl.append(c)
    return c

def add_source(node, cs):
    for c in cs:
        if not any(s['source'] == c['source'] for s in node['sources']):
            node['sources'].append(c)

def add_alias(node, name, src, locator, conf='STATED', note=''):
    al = node.setdefault('aliases', [])
    if name in (node.get('name'), node.get('title')):
        # the spelling is the name itself: cite the source on the name claim
        prop = 'NAME' if 'name' in node else 'TITLE'
        for c in node.get('claims', []):
            if c['property'] == prop and c['rank'] == 'PREFERRED':
                if not any(s['source'] == sid(src) for s in c['sources']):
                    c['sources'].append({'source': sid(src), 'locator': locator})
        return
    if not any(a['name'] == name for a in al):
        al.append({'name': name, 'source': sid(src)})
    else:
        a = next(a for a in al if a['name'] == name)
        if a.get('editorial'):
            a.pop('editorial'); a['source'] = sid(src)
    add_claim(node, claim('ALIAS', name, [{'source': sid(src), 'locator': locator}], conf, 'NORMAL', note))

# ---------- sources
have = byid()
for s in inv['newSources']:
    if s['id'] in have:
        continue
    n = {k: s[k] for k in ['id', 'key', 'title', 'authors', 'publisher', 'date', 'url', 'kind', 'citedVia', 'note'] if s.get(k)}
    if s.get('citedVia'):
        n['citedVia'] = sid(s['citedVia'])
    ds['sources'].append(n)

# ---------- new entities
def base_entity(e, kind):
    n = {'id': m(e['id'])}
    if kind in ('positions', 'documents'):
        n['title'] = e['title']
        if e.get('titleZh'):
            n['titleZh'] = e['titleZh']
    else:
        n['name'] = e['name']
        if e.get('nameZh'):
            n['nameZh'] = e['nameZh']
    srcs = cites(e['sources'])
    n['aliases'] = []
    n['description'] = e.get('description') or e.get('note') or ''
    n['sources'] = srcs
    n['claims'] = []
    if kind in ('positions', 'documents'):
        n['claims'].append(claim('TITLE', e['title'], copy.deepcopy(srcs)))
        if e.get('titleZh'):
            n['claims'].append(claim('TITLE_ZH', e['titleZh'], copy.deepcopy(srcs)))
    else:
        if e.get('nameEditorial'):
            n['claims'].append(claim('NAME', e['name'], copy.deepcopy(srcs), 'INFERRED', note='Editorial full name: the sources print only the short forms kept as aliases.'))
        else:
            n['claims'].append(claim('NAME', e['name'], copy.deepcopy(srcs)))
        if e.get('nameZh'):
            n['claims'].append(claim('NAME_ZH', e['nameZh'], copy.deepcopy(srcs), note=e.get('nameZhNote', '')))
    if kind == 'institutions':
        n['kind'] = e['kind']
        n['claims'].append(claim('KIND', e['kind'], copy.deepcopy(srcs)))
        if e.get('system'):
            n['system'] = e['system']
            n['claims'].append(claim('SYSTEM', e['system'], copy.deepcopy(srcs)))
    if kind == 'documents':
        if e['kind'] == 'CONSTITUTION':
            e['kind'] = 'OTHER'
            n['description'] = (n['description'] + ' The Party constitution: kind OTHER, the model has no kind for a constitution.').strip()
        n['kind'] = e['kind']
        n['claims'].append(claim('KIND', e['kind'], copy.deepcopy(srcs)))
        if e.get('issued'):
            n['issued'] = e['issued']
            n['claims'].append(claim('ISSUED', e['issued'], copy.deepcopy(srcs), note=e.get('issuedNote', '')))
    for a in e.get('aliases', []):
        add_alias(n, a['name'], a['source'], a['locator'], a.get('confidence', 'STATED'), a.get('note', ''))
        for extra in ('nameZh', 'romanisation'):
            if a.get(extra):
                add_alias(n, a[extra], a['source'], a['locator'])
    return n

relations = ds['relations']
def rel(t, frm, to, conf, srcs, note='', **kw):
    r = {'type': t, 'from': m(frm), 'to': m(to), 'confidence': conf, 'sources': srcs}
    if note:
        r['note'] = note
    for k, v in kw.items():
        if v:
            r[k] = v
    relations.append(r)

for kind, lst in inv['entities'].items():
    for e in lst:
        if m(e['id']) in have:
            node = have[m(e['id'])]
            # an existing node: take the inventory's aliases and sources
            add_source(node, cites(e['sources']))
            for a in e.get('aliases', []):
                add_alias(node, a['name'], a['source'], a['locator'], a.get('confidence', 'STATED'), a.get('note', ''))
        else:
            node = base_entity(e, kind)
            ds.setdefault(kind, []).append(node)
        if kind == 'documents':
            for key, typ in (('issuedBy', 'ISSUED_BY'), ('concerns', 'CONCERNS'), ('basedOn', 'BASED_ON')):
                for l in e.get(key) or []:
                    to = m(l['to'])
                    if any(r['type'] == typ and r['from'] == node['id'] and r['to'] == to for r in relations):
                        continue
                    note = l.get('note', '')
                    if l.get('confidence') == 'INFERRED' and not note:
                        note = "The source does not say so in as many words; the link is the curators' reading of the passage cited."
                    rel(typ, node['id'], to, l.get('confidence', 'STATED'), cites(l['sources']), note)
have = byid()

# ---------- aliases for existing nodes
for a in inv['aliasesForExisting']:
    node = have[m(a['entity'])]
    if a.get('editorial'):
        if not any(x['name'] == a['name'] for x in node.setdefault('aliases', [])):
            node['aliases'].append({'name': a['name'], 'editorial': True})
        continue
    if node['id'].startswith('source/'):
        continue  # sources carry no aliases; see the note
    nm = a['name']
    if 'name claim' in (a.get('note') or ''):
        # the name as printed with its abbreviation in brackets: a source of the name, not a new spelling
        nm = re.sub(r' \([A-Z]+\)$', '', nm)
        if nm.lower() == (node.get('name') or node.get('title') or '').lower():
            nm = node.get('name') or node.get('title')
    add_alias(node, nm, a['source'], a['locator'], a.get('confidence', 'STATED'), a.get('note', '') if a.get('confidence') == 'INFERRED' else '')
    add_source(node, [{'source': sid(a['source']), 'locator': a['locator']}])

# ---------- statements
QUALIFIERS = {'roughly', 'clearly designed', 'Typically', 'generally / usually', 'about', 'normally', 'will'}
PERIOD = {'1930s': ('1930', '1939'), '1966-1980s (Cultural Revolution lapse; revival 1980s)': ('1966', '1989'),
          'c. 2011-2021': ('2011', '2021')}
for s in inv['statements']:
    if s['id'] in STMT_MAP:
        old = have[STMT_MAP[s['id']]]
        add_source(old, cites(s['sources']))
        continue
    n = {'id': s['id'], 'text': s['text']}
    if s.get('date'):
        n['date'] = s['date']
    elif s.get('period') in PERIOD:
        n['date'], n['until'] = PERIOD[s['period']]
    n['confidence'] = s['confidence']
    note = s.get('note') or ''
    h = s.get('hedge')
    if h in QUALIFIERS:
        # a qualifier of scope ("typically", "about"), not a doubt about truth: the text keeps it
        note = (note + ' ' if note else '') + "The source qualifies the claim ('" + h + "'); the text keeps the qualification."
    elif h:
        n['hedge'] = h
        if n['confidence'] == 'STATED':
            n['confidence'] = 'REPORTED' if h in ('believed', 'reportedly') else 'INFERRED'
            note = (note + ' ' if note else '') + "The author hedges it ('" + h + "'): the author's judgement, not a stated fact."
    if s.get('period') and s['period'] not in PERIOD:
        note = (note + ' ' if note else '') + 'Period as the source gives it: ' + s['period'] + '.'
    if s['kind'] == 'ARGUMENT':
        note = ('The author\'s own argument. ' + note).strip()
    if note:
        n['note'] = note
    n['sources'] = cites(s['sources'])
    ds['statements'].append(n)
    for about in s['about']:
        rel('ABOUT', s['id'], about, 'STATED', cites(s['sources']))

json.dump(ds, open(WT, 'w'), ensure_ascii=False, indent=2)
open(WT, 'a').write('\n')

# ---------- property claims on existing nodes (audit A1, A2, B7; inventory propertyClaimsForExisting)
have = byid()
def setclaim(nid, prop, value, conf, rank, srcs, note='', replace_sources=False):
    node = have[nid]
    for c in node.setdefault('claims', []):
        if c['property'] == prop and c['value'] == value:
            c['confidence'], c['rank'] = conf, rank
            if replace_sources:
                c['sources'] = srcs
            else:
                for s in srcs:
                    if s not in c['sources']:
                        c['sources'].append(s)
            if note:
                c['note'] = note
            break
    else:
        node['claims'].append(claim(prop, value, srcs, conf, rank, note))
    add_source(node, srcs)

TSAI_VIA = "cited in rana-2021, section 'Current LSG practice', bullet on the March 2018 retitling, footnote 10"
setclaim('group/taiwan-affairs-leading-small-group', 'ESTABLISHED', '1954', 'DISPUTED', 'PREFERRED', [],
         'Preferred: the Academy gives the year for the Taiwan group by name; Thomas\'s 1958 may refer to the work group or to LSGs in general.')
setclaim('group/cybersecurity-and-information-leading-small-group', 'ABOLISHED', '2018-03', 'INFERRED', 'PREFERRED',
         [{'source': 'source/tsai-zhou-2019', 'locator': TSAI_VIA}],
         "Rana (after Tsai & Zhou) says the 'Central Cyberspace Affairs' group was retitled a commission in March 2018; that this is this group is the curators' identification. Thomas gives no end date.", replace_sources=True)
setclaim('group/central-cybersecurity-and-informatization-commission', 'ESTABLISHED', '2018-03', 'INFERRED', 'PREFERRED',
         [{'source': 'source/tsai-zhou-2019', 'locator': TSAI_VIA}],
         "The blog gives no date; the month rests on identifying Rana's retitled 'Central Cyberspace Affairs' group with this commission's predecessor.", replace_sources=True)
setclaim('group/comprehensively-deepening-reform-leading-small-group', 'ABOLISHED', '2018-03', 'REPORTED', 'PREFERRED',
         [{'source': 'source/tsai-zhou-2019', 'locator': TSAI_VIA}], 'Relayed by Rana from Tsai & Zhou.', replace_sources=True)
setclaim('group/foreign-affairs-leading-small-group', 'KIND', 'COMMISSION', 'DISPUTED', 'DEPRECATED',
         [{'source': 'source/thomas-fp', 'locator': "section on the Foreign Affairs Commission: FALG described as a commission of the CCP"}],
         "Thomas's loose wording; LEADING_SMALL_GROUP (Rana, and Thomas's own 'Leading Small Group') stays preferred.")
# make sure the preferred KIND of that node is not STATED-only when a rival exists
for c in have['group/foreign-affairs-leading-small-group']['claims']:
    if c['property'] == 'KIND' and c['rank'] == 'PREFERRED':
        c['confidence'] = 'DISPUTED'
nd = have['position/minister-of-national-defence']
if not nd.get('description'):
    nd['description'] = 'Rana: a serving general, who used to be a CMC vice-chairman as well but over the last decade has mostly been an ordinary CMC member.'
    add_source(nd, [{'source': 'source/rana-2021', 'locator': 'footnote 1'}])

# ---------- relations from the inventory
for r in inv['relations']:
    if r.get('duplicateOfExisting') or r['to'].startswith('topic/') or (r['type'] == 'CHAIRS' and r['from'].startswith('position/')):
        # CHAIRS by post: Thomas names Xi with his titles, he does not say the posts chair ex officio
        continue
    if r['type'] == 'HOLDS' and r['to'] == 'position/president':
        continue  # a bare attestation of a holding already stored with its start
    rid = r.get('id')
    if r['type'] == 'HOLDS' and r['from'] == 'person/xi-jinping' and r['to'] == 'position/president':
        rid = 'holds/person/xi-jinping/position/president/merics-2019'
    x = {'type': r['type'], 'from': r['from'], 'to': r['to'], 'confidence': r['confidence'], 'sources': cites(r['sources'])}
    if rid: x = {'id': rid, **x}
    for k in ('role', 'start', 'end', 'note', 'incompleteList'):
        if r.get(k): x[k] = r[k]
    if r.get('attested'): x['attested'] = r['attested']
    if r['type'] == 'HOLDS' and r['to'] == 'position/president':
        x['note'] = 'Rana, summarising the MERICS piece of 19 October 2019, calls Xi the country\'s president.'
    relations.append(x)

# Qi Yu's rank (inventory: a holding attribute, not a person property)
for r in relations:
    if r['type'] == 'HOLDS' and r['from'] == 'person/qi-yu':
        if 'rank of minister' not in (r.get('note') or ''):
            r['note'] = ((r.get('note') or '') + ' Rana: appointed in the rank of minister.').strip()

json.dump(ds, open(WT, 'w'), ensure_ascii=False, indent=2)
open(WT, 'a').write('\n')
