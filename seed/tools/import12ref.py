#!/usr/bin/env python3
"""Issue 12: the reference layer from reference.json into seed/atlas.json (run after import12.py)."""
import json, copy
WT = '/work/wt/i12/seed/atlas.json'
ds = json.load(open(WT))
ref = json.load(open('/work/scratch/issue12/reference.json'))
def sid(k): return k if k.startswith('source/') else 'source/ref-' + k if not k.startswith('ref-') else 'source/' + k
keymap = {s['key']: s['id'] for s in ref['sources']}
def cite(key, loc): return {'source': keymap[key], 'locator': loc}
nodes = {}
for k in ['sources', 'groups', 'offices', 'institutions', 'positions', 'people']:
    for n in ds[k]: nodes[n['id']] = n

for s in ref['sources']:
    if s['id'] in nodes: continue
    note = 'Reference page, read ' + s['accessed'] + '.'
    if s.get('mirrors'): note += ' Mirror of ' + s['mirrors'] + '.'
    if s.get('note'): note += ' ' + s['note']
    n = {'id': s['id'], 'key': s['key'], 'title': s['title'], 'publisher': s['publisher'], 'url': s['url'],
         'kind': s['kind'], 'tier': 'REFERENCE', 'note': note}
    ds['sources'].append(n); nodes[n['id']] = n

def add_source(node, c):
    if not any(x['source'] == c['source'] for x in node['sources']): node['sources'].append(c)

REF_NOTE = 'Reference tier: from the cited reference page, not the corpus.'
def zh_claim(node, prop, field, value, c, conf, note):
    cl = node.setdefault('claims', [])
    for x in cl:
        if x['property'] == prop and x['value'] == value:
            if c not in x['sources']: x['sources'].append(c)
            add_source(node, c); return
    if node.get(field) and node[field] != value:
        # the corpus prints another form (e.g. traditional characters): it stays preferred
        rank = 'NORMAL'
    elif node.get(field):
        rank = 'PREFERRED'
    else:
        node[field] = value; rank = 'PREFERRED'
    x = {'property': prop, 'value': value, 'sources': [c], 'confidence': conf, 'rank': rank, 'note': (note + ' ' + REF_NOTE).strip()}
    cl.append(x); add_source(node, c)

# reference-only people (decision: allowed where derived chairs need them)
born = {}
for p in ref['proposedPeople']:
    if p['id'] in nodes: continue
    # the page that gives the person's tenure names them
    t = next(t for t in ref['tenures'] if t['person'] == p['id'])
    c = cite(t['source'], t['locator'])
    n = {'id': p['id'], 'name': p['name'], 'aliases': [],
         'description': 'Reference-only person: no corpus source names them; added so that chairs derived through a post they held are exact. Every fact about them cites a reference page.',
         'sources': [c], 'claims': [{'property': 'NAME', 'value': p['name'], 'sources': [c], 'confidence': 'STATED', 'rank': 'PREFERRED', 'note': REF_NOTE}]}
    ds['people'].append(n); nodes[n['id']] = n

for f in ref['people']:
    if f['property'] != 'nameZh': continue
    node = nodes[f['person']]
    zh_claim(node, 'NAME_ZH', 'nameZh', f['value'], cite(f['source'], f['locator']), f.get('confidence') or 'STATED', f.get('note', ''))
for f in ref['institutions']:
    if f['property'] != 'nameZh' or f['entity'] not in nodes: continue
    zh_claim(nodes[f['entity']], 'NAME_ZH', 'nameZh', f['value'], cite(f['source'], f['locator']), 'STATED', f.get('note', ''))
for f in ref['positions']:
    if f['property'] != 'titleZh' or f['entity'] not in nodes: continue
    zh_claim(nodes[f['entity']], 'TITLE_ZH', 'titleZh', f['value'], cite(f['source'], f['locator']), 'STATED', f.get('note', ''))

for p in ref.get('proposedPositions', []):
    if p['id'] in nodes: continue
    t = next(t for t in ref['tenures'] if t['position'] == p['id'])
    c = cite(t['source'], t['locator'])
    n = {'id': p['id'], 'title': p['title'], 'aliases': [], 'description': 'Reference-only post: the corpus names the General Office but never its head.',
         'sources': [c], 'claims': [{'property': 'TITLE', 'value': p['title'], 'sources': [c], 'confidence': 'STATED', 'rank': 'PREFERRED', 'note': REF_NOTE}]}
    ds['positions'].append(n); nodes[n['id']] = n

# Chinese names found in a second search (issue-12 engineer, 2026-12-01) for the
# reference-only premiers and general secretaries the curator's pass left without one
EXTRA = [
    ('wikipedia-wen-jiabao', 'Wen Jiabao (English Wikipedia)', 'https://en.wikipedia.org/wiki/Wen_Jiabao', 'Wikipedia',
     'person/wen-jiabao', '温家宝', "infobox 'Chinese name', Simplified Chinese"),
    ('wikizero-li-peng', 'Li Peng (WikiZero mirror of English Wikipedia)', 'https://wikizero.net/wiki/en/Li_Peng', 'WikiZero',
     'person/li-peng', '李鹏', "infobox 'Chinese name', Simplified Chinese"),
    ('piglix-zhu-rongji', 'Zhu Rongji (piglix mirror of English Wikipedia)', 'http://piglix.com/piglix/Zhu_Rongji', 'piglix',
     'person/zhu-rongji', '朱镕基', "infobox name line and lead sentence ('Chinese:')"),
    ('studentb-hu-yaobang', 'Hu Yaobang (wiki.studentb.eu mirror of English Wikipedia)', 'https://wiki.studentb.eu/view_html.php?lang=en&q=Hu_Yaobang&sq=engine', 'wiki.studentb.eu',
     'person/hu-yaobang', '胡耀邦', "infobox name line and 'Chinese' row"),
    ('mirror-li-qiang', 'Li Qiang (copy of the English Wikipedia article on a Vietnamese site)', 'https://yensaoquynhtrangphat.com/thu-tuong-trung-quoc-la-ai', 'yensaoquynhtrangphat.com',
     'person/li-qiang', '李强', "infobox name line and lead sentence ('Chinese:')"),
]
for key, title, url, pub, person, zh, loc in EXTRA:
    sidx = 'source/ref-' + key
    if sidx not in nodes:
        n = {'id': sidx, 'key': key, 'title': title, 'publisher': pub, 'url': url, 'kind': 'ENCYCLOPEDIA', 'tier': 'REFERENCE',
             'note': 'Reference page, read 2026-12-01.'}
        ds['sources'].append(n); nodes[sidx] = n
    zh_claim(nodes[person], 'NAME_ZH', 'nameZh', zh, {'source': sidx, 'locator': loc}, 'STATED', '')

conflicted = {('person/zhou-enlai', 'position/foreign-minister'), ('person/chen-yi', 'position/foreign-minister'),
              ('person/geng-huichang', 'position/minister-of-state-security')}
def prec(t): return len(t.get('start') or '') + len(t.get('end') or '')
# one holding per person, post and term: the most precise page, plus pages giving exactly the same dates
terms = {}
for t in ref['tenures']:
    if t['person'] not in nodes or t['position'] not in nodes:
        print('skip tenure', t['person'], t['position']); continue
    if t['source'] == 'encyclopediahub-wen-jiabao' and t['start'] == '2003-03':
        t = dict(t, start='2003')  # the page gives the year only
    if not (t.get('start') or t.get('end') or t.get('attested')):
        continue  # an undated holding bounds nothing
    terms.setdefault((t['person'], t['position'], (t.get('start') or '????')[:4]), []).append(t)
corpus_holds = {}
for r in ds['relations']:
    if r['type'] == 'HOLDS':
        corpus_holds.setdefault((r['from'], r['to']), []).append(r)
for (person, position, year), ts in terms.items():
    ts.sort(key=lambda t: -prec(t))
    best = ts[0]
    same = [t for t in ts if t.get('start') == best.get('start') and t.get('end') == best.get('end')]
    srcs = []
    for t in same:
        c = cite(t['source'], t['locator'])
        if not any(x['source'] == c['source'] for x in srcs): srcs.append(c)
    conf = 'DISPUTED' if (person, position) in conflicted else 'STATED'
    notes = [t['note'] for t in same if t.get('note')]
    if conf == 'STATED' and any('inferred' in n.lower() for n in notes):
        conf = 'INFERRED'
    note = ' '.join(notes)
    if conf == 'DISPUTED':
        note = (note + ' The corpus dates this holding differently; both are kept and the corpus relation is preferred.').strip()
    r = {'id': 'holds/%s/%s/reference-%s' % (person, position, year if year != '????' else 'undated'), 'type': 'HOLDS', 'from': person, 'to': position}
    if best.get('start'): r['start'] = best['start']
    if best.get('end'): r['end'] = best['end']
    if best.get('attested'): r['attested'] = best['attested']
    r['confidence'] = conf
    r['note'] = (note + ' ' + REF_NOTE).strip()
    r['sources'] = srcs
    # a corpus holding of the same term, with dates the page only makes more precise, takes the page as a further source
    merged = False
    for c in corpus_holds.get((person, position), []):
        cs, ce = c.get('start'), c.get('end')
        if conf != 'DISPUTED' and cs and (best.get('start') or '').startswith(cs) and (not ce or (best.get('end') or '').startswith(ce)):
            for x in srcs:
                if x not in c['sources']: c['sources'].append(x)
            c['note'] = ((c.get('note') or '') + ' Reference pages give the exact term (' + (best.get('start') or '?') + ' to ' + (best.get('end') or 'open') + '); the corpus date is kept.').strip()
            merged = True
    if not merged:
        ds['relations'].append(r)

json.dump(ds, open(WT, 'w'), ensure_ascii=False, indent=2)
open(WT, 'a').write('\n')
