import type { DepartmentKey } from '../demo.departments.js';

/** Words generated rows are named with: communities, roads, activity titles, goods, skills, bases. */

export const COMMUNITIES = [
  '朝阳社区',
  '新华社区',
  '滨江社区',
  '和平社区',
  '民主社区',
  '长江社区',
  '幸福社区',
  '友谊社区',
  '建设社区',
  '光明社区',
  '团结社区',
  '红星社区',
  '金沙社区',
  '龙泉社区',
  '桂花社区',
  '花园社区',
  '东风社区',
  '胜利社区',
  '人民社区',
  '嘉陵社区',
  '白鹤村',
  '石桥村',
  '大坪村',
  '黄桷村',
  '青龙村',
  '柏树村',
];

export const ROADS = [
  '人民路',
  '解放路',
  '民生路',
  '建设路',
  '新华路',
  '和平路',
  '滨江路',
  '文化路',
  '学府大道',
  '中山路',
];

/** Activity titles by service field. */
export const TITLES: Record<string, string[]> = {
  publicity: ['新时代文明实践理论宣讲', '党的创新理论进社区', '文明礼仪宣传', '移风易俗宣讲'],
  legal: ['公益法律咨询', '手语普法进社区', '反诈宣传志愿服务', '法律知识讲座'],
  ecology: ['长江岸线净滩行动', '大气污染随手拍', '垃圾分类宣传', '河道巡护', '植树护绿'],
  science: ['科普讲解志愿服务', '青少年科学小课堂', '智能手机使用培训', '防灾减灾科普'],
  emergency: ['消防安全进社区', '应急救护培训', '防汛巡查', '燃气安全入户宣传'],
  culture: ['艺起乡约文艺汇演', '非遗剪纸课堂', '口述电影放映', '图书馆阅读推广', '景区游客咨询服务'],
  health: ['社区义诊与健康宣教', '无偿献血服务', '健康知识讲座', '慢病随访陪伴'],
  disability: ['助残出行陪伴', '蓝精灵助残服务', '手语翻译服务', '康复训练陪伴'],
  elderly: ['紫藤花敬老探访', '空巢老人上门服务', '老年人智能手机教学', '敬老院文艺陪伴'],
  children: ['留守儿童课业辅导', '护苗成长安全课', '四点半课堂', '暑期托管志愿服务'],
  community: ['文明交通引导', '社区环境整治', '春运旅客引导', '邻里互助服务', '楼栋清洁行动'],
};

/** Goods of a generated points supermarket (points, a monthly per-person limit where it has one). */
export const GOODS: { name: string; points: number; limit: number | null; donor: string | null }[] = [
  { name: '大米 5kg', points: 300, limit: 1, donor: null },
  { name: '食用油 1.8L', points: 260, limit: 1, donor: null },
  { name: '洗衣液 2kg', points: 120, limit: null, donor: null },
  { name: '毛巾', points: 50, limit: null, donor: null },
  { name: '牙膏', points: 40, limit: null, donor: null },
  { name: '公交卡充值 20 元', points: 200, limit: 2, donor: '重庆市公共交通控股（集团）有限公司' },
  { name: '志愿者文化衫', points: 150, limit: null, donor: '重庆市志愿服务联合会' },
  { name: '保温杯', points: 180, limit: null, donor: null },
];

export const SKILLS = ['急救', '手语', '驾驶', '摄影', '心理疏导', '外语', '法律咨询', '讲解', '医疗护理', '电脑维修'];

/** Industry bases (行业基地): what each is, and the department whose team manages it. */
export const BASES: { name: string; department: DepartmentKey }[] = [
  { name: '科普教育基地', department: 'science' },
  { name: '生态环境教育志愿服务基地', department: 'ecology' },
  { name: '消防科普教育基地', department: 'fire' },
  { name: '残疾人就业创业志愿服务基地', department: 'disability' },
  { name: '青年志愿服务基地', department: 'youth' },
  { name: '文化和旅游志愿服务基地', department: 'culture' },
  { name: '卫生健康志愿服务基地', department: 'health' },
  { name: '法治宣传教育基地', department: 'legal' },
  { name: '新时代文明实践志愿服务基地', department: 'publicity' },
];

/** The grassroots teams' share per department (ecology's 132 teams are counted apart). */
export const TEAM_WEIGHTS: Record<Exclude<DepartmentKey, 'ecology'>, number> = {
  youth: 30,
  publicity: 25,
  health: 10,
  culture: 8,
  disability: 8,
  legal: 7,
  science: 6,
  fire: 6,
};
