import type { CorrectionPreset } from '../../../preload/contract/corrections';

/**
 * Well-known mistakes of OpenCC's dictionaries, each from an OpenCC issue that reports it (with
 * the exact input and expected output given there). Off by default: a reader turns them on in the
 * library's settings, and can then remove any of them like their own corrections. Each is checked
 * by tests/unit/corrections-presets.test.ts to still be wrong without it and right with it.
 */
const S2T_ALL = ['s2t', 's2tw', 's2twp'];
const ISSUE_1497 = 'https://github.com/BYVoid/OpenCC/issues/1497';
const ISSUE_1313 = 'https://github.com/BYVoid/OpenCC/issues/1313';

export const CORRECTION_PRESETS: readonly CorrectionPreset[] = [
  // Segmentation across a word boundary: 被|发明 read as 被发 (被髮, hair) + 明.
  { id: 'opencc-1497-bei-faming', source: '被发明', target: '被發明', chains: S2T_ALL, issue: ISSUE_1497 },
  { id: 'opencc-1497-bei-fajue', source: '被发掘', target: '被發掘', chains: S2T_ALL, issue: ISSUE_1497 },
  // The particle 了 after a verb read as 了解 (瞭解).
  { id: 'opencc-1497-zhanshi-le', source: '展示了如何', target: '展示了如何', chains: S2T_ALL, issue: ISSUE_1497 },
  { id: 'opencc-1497-xuexi-le', source: '学习了如何', target: '學習了如何', chains: S2T_ALL, issue: ISSUE_1497 },
  { id: 'opencc-1497-canyu-zhizao', source: '参与制造', target: '參與製造', chains: S2T_ALL, issue: ISSUE_1497 },
  // Taiwan phrases matched across words: 变量 (變數), 数组 (陣列), 集成 (整合).
  {
    id: 'opencc-1497-liangzi-bite',
    source: '改变量子比特',
    target: '改變量子位元',
    chains: ['s2twp'],
    issue: ISSUE_1497,
  },
  { id: 'opencc-1497-shuzu-zhi', source: '少数组织', target: '少數組織', chains: ['s2twp'], issue: ISSUE_1497 },
  { id: 'opencc-1497-jicheng-qun', source: '聚集成群', target: '聚集成群', chains: ['s2twp'], issue: ISSUE_1497 },
  // Over-eager Taiwan IT phrases: 进程 (a process of history) is not 程序, 文件 (documents) not 檔案.
  { id: 'opencc-1313-lishi-jincheng', source: '历史进程', target: '歷史進程', chains: ['s2twp'], issue: ISSUE_1313 },
  { id: 'opencc-1313-fazhan-jincheng', source: '发展进程', target: '發展進程', chains: ['s2twp'], issue: ISSUE_1313 },
  { id: 'opencc-1313-zhengfu-wenjian', source: '政府文件', target: '政府文件', chains: ['s2twp'], issue: ISSUE_1313 },
];
