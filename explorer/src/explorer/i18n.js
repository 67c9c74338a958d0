// Interface strings in English and Chinese, the names of enum values in each, and the
// label a node shows in each. Every visible string of the Explorer comes from here
// (test/i18n.test.mjs checks both languages have the same keys).
import { VALUES_ZH } from './values.js';

export const strings = {
  en: {
    search: 'Search groups, people, bodies (English, 中文, pinyin)', searchLabel: 'Search',
    year: 'As of year', allYears: 'All years', depth: 'Depth', nodeTypes: 'Node types',
    relTypes: 'Relationship types', derived: 'Derived chairs', tier: 'Reference tier',
    export: 'Export view', share: 'Copy link', copied: 'Link copied',
    graph: 'Graph', timeline: 'Timeline', paths: 'Paths', byYear: 'Groups by year', tables: 'Tables',
    nodes: 'nodes', relationships: 'relationships', relationshipsH: 'Relationships', truncated: 'truncated at the limit',
    expand: 'Expand in graph', focus: 'Centre graph here', properties: 'Properties',
    sources: 'Sources', about: 'Statements and documents', noneAbout: 'None recorded.', from: 'From', to: 'To',
    findPaths: 'Find shortest paths', noPath: 'No path within the hop limit.',
    pick: 'Search for a node, or open one from the tables, to start.', inView: 'Nodes in view', lang: '中文',
    known: 'known', possible: 'possible', reported: 'reported by studies', loading: 'Loading…',
    graphLegend: 'Click a node to open it, double-click to expand it. Solid: known at the year; dashed: possible; dotted: a chair derived through a position.',
    timelineLegend: 'Solid bars: dated facts (lighter when no end is known); dashed: undated facts, which may hold at any time in the group\'s life; dots: dates a source observed the fact; ★ chairs.',
    timelineDerived: 'hatched: a chair no source states, inferred through a post the person held', inferred: 'inferred',
    notInNetwork: 'Sources and reported counts are not part of the network: open a body or a person to draw it.',
    noDated: 'No dated facts.', yes: 'yes', no: 'no', attested: 'attested', incompleteList: '(incomplete list)',
    colType: 'type', colWith: 'with', colRole: 'role', colDates: 'dates', colHolding: 'holding', colConfidence: 'confidence', colVia: 'derived via',
    colYear: 'year', colCount: 'count', colScope: 'scope', colSources: 'sources',
    range: 'Range', rangeFrom: 'from', rangeTo: 'to', play: 'Play', pause: 'Pause', frame: 'Frame',
    sizeBy: 'Size by', colourBy: 'Colour by', layout: 'Layout', none: 'none', nodeType: 'node type',
    degree: 'degree', betweenness: 'betweenness', pagerank: 'PageRank', chairsCount: 'groups chaired', seatsCount: 'seats',
    hide: 'Hide selected', undo: 'Undo', showAll: 'Show all', ego: 'Ego network of the selected node', hops: 'hops',
    png: 'PNG image', svg: 'SVG image', csvSources: 'CSV with sources',
    table: 'Table', filter: 'Filter', atDate: 'Counts at', rows: 'rows', open: 'open',
    t_groups: 'Groups', t_people: 'People', t_posts: 'Posts', t_institutions: 'Institutions', t_documents: 'Documents', t_sources: 'Sources',
    c_name: 'name', c_nameZh: 'Chinese name', c_kind: 'kind', c_level: 'level', c_system: 'system', c_established: 'established', c_abolished: 'abolished',
    c_chairs: 'chairs', c_members: 'members', c_seats: 'seats', c_memberships: 'memberships', c_holders: 'holders', c_issued: 'issued', c_key: 'key', c_date: 'date',
    c_tier: 'tier', c_citations: 'citations', c_active: 'active at the date', c_born: 'born', c_died: 'died',
    p_id: 'id', p_name: 'name', p_nameZh: 'Chinese name', p_title: 'title', p_titleZh: 'Chinese title', p_text: 'text', p_textZh: 'Chinese text',
    p_key: 'key', p_year: 'year', p_value: 'count', p_qualifier: 'qualifier', p_scope: 'scope', p_authors: 'authors', p_publisher: 'publisher', p_kind: 'kind', p_system: 'system', p_level: 'level', p_jurisdiction: 'jurisdiction',
    p_horizon: 'horizon', p_categories: 'categories', p_crossSystem: 'cross-system', p_established: 'established', p_abolished: 'abolished',
    p_born: 'born', p_died: 'died', p_issued: 'issued', p_date: 'date', p_until: 'until', p_confidence: 'confidence', p_hedge: 'hedge',
    p_staffing: 'staffing', p_placement: 'placement', p_tier: 'tier', p_url: 'url', p_description: 'description', p_note: 'note',
    p_aliases: 'aliases', p_citedVia: 'cited via',
    graphAria: 'Neighbourhood graph; the list below gives the same nodes', skip: 'Skip to the selected node', views: 'Views',
    graphFilters: 'Graph filters', selectedNode: 'Selected node', prevYear: 'previous year', nextYear: 'next year',
    frameOf: 'year', hidden: 'hidden', pathsOf: 'path(s) of', hopsWord: 'hop(s)', moreExist: '(more exist)', rangeHint: 'Give both years of the range to play it.', sizeLegend: 'size', colourLegend: 'colour', low: 'low', high: 'high',
    errNotFound: 'Nothing in the atlas has this id.', errInvalid: 'The atlas cannot answer this view as asked', errLimit: 'This view asks for more work than the atlas allows',
    errUnavailable: 'The atlas is not answering; try again in a moment.', errOther: 'The atlas could not answer',
    samePathEnds: 'Pick two different nodes to find the paths between them.',
    pickEnds: 'Pick both ends of the path from the suggestions.', pickSuggestion: 'No one node has this exact name; pick one from the suggestions:', noTimeline: 'Sources and reported counts have no timeline: open a body or a person.',
    asOfYear: 'as of',
    noTypes: 'No node type or no relationship type is picked: pick at least one of each to draw the graph.',
    dateFrom: 'from', dateTo: 'to', datesGiven: 'gives', noDateGiven: 'gives no date',
    scoredOver: 'scored over', unscored: 'drawn nodes have no score (small, grey)', styleFailed: 'cannot size or colour by it',
    live: '● live', liveChanged: '● data changed at revision {n}', undated: 'undated', inViewKeys: 'Enter: open; +: expand',
  },
  zh: {
    search: '搜索小组、人物、机构（英文、中文、拼音）', searchLabel: '搜索',
    year: '年份', allYears: '全部年份', depth: '深度', nodeTypes: '节点类型',
    relTypes: '关系类型', derived: '职务派生的组长', tier: '参考层',
    export: '导出视图', share: '复制链接', copied: '已复制链接',
    graph: '关系图', timeline: '时间线', paths: '路径', byYear: '历年小组', tables: '列表',
    nodes: '个节点', relationships: '条关系', relationshipsH: '关系', truncated: '已按上限截断',
    expand: '在图中展开', focus: '以此为中心', properties: '属性',
    sources: '来源', about: '相关陈述与文件', noneAbout: '暂无记录。', from: '起点', to: '终点',
    findPaths: '查找最短路径', noPath: '在跳数上限内没有路径。',
    pick: '请先搜索一个节点，或从列表中打开。', inView: '图中节点', lang: 'English',
    known: '确知', possible: '可能', reported: '研究报告的数目', loading: '加载中…',
    graphLegend: '单击节点打开，双击展开。实线：该年份确知；虚线：可能成立；点线：经由职务派生的组长。',
    timelineLegend: '实心条：有日期的事实（结束时间未知时颜色较浅）；虚线：无日期的事实，可能在该小组存续期间任何时候成立；圆点：来源观察到该事实的日期；★ 组长。',
    timelineDerived: '斜线：无来源直接记载、经由其所任职务推断的组长', inferred: '推断',
    notInNetwork: '来源与报告数目不属于关系网络：请打开一个机构或人物。',
    noDated: '没有带日期的事实。', yes: '是', no: '否', attested: '见于', incompleteList: '（名单不完整）',
    colType: '类型', colWith: '对象', colRole: '角色', colDates: '日期', colHolding: '成立程度', colConfidence: '可信度', colVia: '派生自职务',
    colYear: '年份', colCount: '数目', colScope: '范围', colSources: '来源',
    range: '时间段', rangeFrom: '从', rangeTo: '至', play: '播放', pause: '暂停', frame: '帧',
    sizeBy: '大小依据', colourBy: '颜色依据', layout: '布局', none: '无', nodeType: '节点类型',
    degree: '度数', betweenness: '中介中心性', pagerank: 'PageRank', chairsCount: '担任组长的小组数', seatsCount: '席位数',
    hide: '隐藏所选', undo: '撤销', showAll: '全部显示', ego: '所选节点的自我网络', hops: '跳',
    png: 'PNG 图片', svg: 'SVG 图片', csvSources: '含来源的 CSV',
    table: '列表', filter: '筛选', atDate: '计数日期', rows: '行', open: '打开',
    t_groups: '小组', t_people: '人物', t_posts: '职务', t_institutions: '机构', t_documents: '文件', t_sources: '来源',
    c_name: '名称', c_nameZh: '中文名称', c_kind: '类别', c_level: '层级', c_system: '系统', c_established: '成立', c_abolished: '撤销',
    c_chairs: '组长', c_members: '成员', c_seats: '席位', c_memberships: '成员身份', c_holders: '任职者', c_issued: '发布', c_key: '简称', c_date: '日期',
    c_tier: '层', c_citations: '引用', c_active: '该日期是否存续', c_born: '出生', c_died: '去世',
    p_id: '标识', p_name: '名称', p_nameZh: '中文名称', p_title: '标题', p_titleZh: '中文标题', p_text: '内容', p_textZh: '中文内容',
    p_key: '简称', p_year: '年份', p_value: '数目', p_qualifier: '限定', p_scope: '范围', p_authors: '作者', p_publisher: '出版者', p_kind: '类别', p_system: '系统', p_level: '层级', p_jurisdiction: '管辖',
    p_horizon: '存续期', p_categories: '领域', p_crossSystem: '跨系统', p_established: '成立', p_abolished: '撤销',
    p_born: '出生', p_died: '去世', p_issued: '发布', p_date: '日期', p_until: '截至', p_confidence: '可信度', p_hedge: '保留说法',
    p_staffing: '编制', p_placement: '设置方式', p_tier: '层', p_url: '网址', p_description: '说明', p_note: '备注',
    p_aliases: '别名', p_citedVia: '转引自',
    graphAria: '关系图；下方列表列出相同的节点', skip: '跳到所选节点', views: '视图',
    graphFilters: '关系图筛选', selectedNode: '所选节点', prevYear: '上一年', nextYear: '下一年',
    frameOf: '年份', hidden: '已隐藏', pathsOf: '条路径，长度', hopsWord: '跳', moreExist: '（还有更多）', rangeHint: '请填写时间段的起止年份再播放。', sizeLegend: '大小', colourLegend: '颜色', low: '低', high: '高',
    errNotFound: '图谱中没有这个编号。', errInvalid: '图谱无法按此请求回答', errLimit: '此视图所需计算超出图谱的限度',
    errUnavailable: '图谱暂时没有响应，请稍后再试。', errOther: '图谱无法回答',
    samePathEnds: '请选择两个不同的节点来查找路径。',
    pickEnds: '请从建议中选择路径的两端。', pickSuggestion: '没有恰好叫这个名字的唯一节点，请从建议中选择：', noTimeline: '来源与报告数目没有时间线：请打开一个机构或人物。',
    asOfYear: '截至',
    noTypes: '未选节点类型或关系类型：请各至少选一项以绘制关系图。',
    dateFrom: '始于', dateTo: '止于', datesGiven: '所给日期', noDateGiven: '未给日期',
    scoredOver: '计算区间', unscored: '个节点无得分（小、灰色）', styleFailed: '无法按此设置大小或颜色',
    live: '● 实时', liveChanged: '● 数据已更新（修订版 {n}）', undated: '无日期', inViewKeys: '回车：打开；+：展开',
  },
};

let lang = 'en';
export const setLang = (l) => { lang = l === 'zh' ? 'zh' : 'en'; document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en'; };
export const getLang = () => lang;
// t gives a string in the current language, with each {name} in it replaced by vars[name].
export const t = (key, vars) => {
  const s = strings[lang][key] ?? strings.en[key] ?? key;
  return vars ? s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m)) : s;
};

// valueLabel names an enum value (GROUP, MEMBER_OF, POSSIBLE…) in the current language.
// qualifierLabel names a count's qualifier: ABOUT is "about" a number here (约), not the
// relationship type of the same name (关于).
export const qualifierLabel = (v) => (lang === 'zh' && v === 'ABOUT' ? '约' : valueLabel(v));

export const valueLabel = (v) => {
  if (v === null || v === undefined || v === '') return '';
  const s = String(v);
  if (lang === 'zh' && VALUES_ZH[s]) return VALUES_ZH[s];
  return s.toLowerCase().replace(/_/g, ' ');
};

// A node's Chinese name is nameZh (titleZh for positions and documents); the label is the English one.
export const zhName = (n) => n.nameZh || n.titleZh || null;
export const nodeLabel = (n) => (lang === 'zh' && zhName(n)) || n.label;
export const bothNames = (n) => { const zh = zhName(n); return zh && zh !== n.label ? `${n.label} · ${zh}` : n.label; };

// Applies the current language to every element marked data-i18n (text) or
// data-i18n-placeholder / data-i18n-aria (attributes).
export function applyStrings(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
}

// errorText tells what went wrong in the reader's language: a missing node or an outage
// in our words; a refusal (INVALID, LIMIT_EXCEEDED) with the API's own reason, which says
// what to change.
export function errorText(e) {
  switch (e && e.code) {
    case 'NOT_FOUND': return t('errNotFound');
    case 'INVALID': return `${t('errInvalid')}: ${e.detail}`;
    case 'LIMIT_EXCEEDED': return `${t('errLimit')}: ${e.detail}`;
    case 'UNAVAILABLE': return t('errUnavailable');
    default: return e instanceof TypeError && /fetch/i.test(e.message) ? t('errUnavailable') : `${t('errOther')}: ${e && (e.detail || e.message)}`;
  }
}
