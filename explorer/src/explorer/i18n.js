// Interface strings in English and Chinese, and the label a node shows in each.
const strings = {
  en: {
    search: 'Search groups, people, bodies (English, 中文, pinyin)',
    searchLabel: 'Search',
    year: 'As of year', allYears: 'All years', depth: 'Depth', nodeTypes: 'Node types',
    relTypes: 'Relationship types', derived: 'Derived chairs', tier: 'Reference tier',
    export: 'Export view', share: 'Copy link', copied: 'Link copied',
    graph: 'Graph', timeline: 'Timeline', paths: 'Paths', byYear: 'Groups by year',
    nodes: 'nodes', relationships: 'relationships', truncated: 'truncated at the limit',
    expand: 'Expand in graph', focus: 'Centre graph here', properties: 'Properties',
    sources: 'Sources', about: 'Statements and documents', from: 'From', to: 'To',
    findPaths: 'Find shortest paths', noPath: 'No path within the hop limit.',
    pick: 'Search for a node to start.', inView: 'Nodes in view', lang: '中文',
    known: 'known', possible: 'possible', reported: 'reported by studies', loading: 'Loading…',
    graphLegend: 'Click a node to open it, double-click to expand it. Dashed: possible at the year; dotted: a chair derived through a position.',
    timelineLegend: 'Solid bars: dated facts (lighter when no end is known); dashed: undated facts, which may hold at any time in the group\'s life; dots: dates a source observed the fact; ★ chairs.',
    notInNetwork: 'Sources and reported counts are not part of the network: open a body or a person to draw it.',
  },
  zh: {
    search: '搜索小组、人物、机构（英文、中文、拼音）',
    searchLabel: '搜索',
    year: '年份', allYears: '全部年份', depth: '深度', nodeTypes: '节点类型',
    relTypes: '关系类型', derived: '职务派生的组长', tier: '参考层',
    export: '导出视图', share: '复制链接', copied: '已复制链接',
    graph: '关系图', timeline: '时间线', paths: '路径', byYear: '历年小组',
    nodes: '个节点', relationships: '条关系', truncated: '已按上限截断',
    expand: '在图中展开', focus: '以此为中心', properties: '属性',
    sources: '来源', about: '相关陈述与文件', from: '起点', to: '终点',
    findPaths: '查找最短路径', noPath: '在跳数上限内没有路径。',
    pick: '请先搜索一个节点。', inView: '图中节点', lang: 'English',
    known: '确知', possible: '可能', reported: '研究报告的数目', loading: '加载中…',
    graphLegend: '单击节点打开，双击展开。虚线：该年份可能成立；点线：经由职务派生的组长。',
    timelineLegend: '实心条：有日期的事实（结束时间未知时颜色较浅）；虚线：无日期的事实，可能在该小组存续期间任何时候成立；圆点：来源观察到该事实的日期；★ 组长。',
    notInNetwork: '来源与报告数目不属于关系网络：请打开一个机构或人物。',
  },
};

let lang = 'en';
export const setLang = (l) => { lang = l === 'zh' ? 'zh' : 'en'; document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en'; };
export const getLang = () => lang;
export const t = (key) => strings[lang][key] ?? strings.en[key] ?? key;

// A node's Chinese name is nameZh (titleZh for positions); the label is the English one.
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
