// Seas, straits, canals, rivers and dams: where shipping attacks, blockades and water disputes
// happen. A bare المتوسط ("average") or النيل is kept only where the press really prints it alone.
import { place } from './build.ts';
import type { GazetteerEntry } from './types.ts';

const water = (slug: string, name: string, variants: string[] = [], parent?: string) =>
  place('water', slug, name, parent, variants);

export const WATERS: readonly GazetteerEntry[] = [
  water('red-sea', 'البحر الأحمر'),
  water('mediterranean', 'البحر المتوسط', ['البحر الأبيض المتوسط', 'المتوسط']),
  water('black-sea', 'البحر الأسود'),
  water('caspian-sea', 'بحر قزوين'),
  water('arabian-sea', 'بحر العرب'),
  // The same body of water under the names either shore uses.
  water('persian-gulf', 'الخليج العربي', ['الخليج الفارسي']),
  water('gulf-of-aden', 'خليج عدن'),
  water('gulf-of-oman', 'خليج عمان', ['خليج عُمان']),
  water('south-china-sea', 'بحر الصين الجنوبي'),
  water('indian-ocean', 'المحيط الهندي'),
  water('atlantic-ocean', 'المحيط الأطلسي', ['المحيط الأطلنطي']),
  water('pacific-ocean', 'المحيط الهادئ', ['المحيط الهادي']),
  water('baltic-sea', 'بحر البلطيق'),
  water('dead-sea', 'البحر الميت'),
  water('aegean-sea', 'بحر إيجة'),
  water('strait-of-hormuz', 'مضيق هرمز', ['هرمز']),
  water('bab-el-mandeb', 'باب المندب', ['مضيق باب المندب']),
  water('strait-of-gibraltar', 'مضيق جبل طارق'),
  water('bosphorus', 'مضيق البوسفور', ['البوسفور']),
  water('dardanelles', 'مضيق الدردنيل', ['الدردنيل']),
  water('taiwan-strait', 'مضيق تايوان'),
  water('suez-canal', 'قناة السويس', [], 'country:EG'),
  water('panama-canal', 'قناة بنما', [], 'country:PA'),
  water('nile', 'نهر النيل', ['النيل']),
  water('blue-nile', 'النيل الأزرق', ['نهر النيل الأزرق'], 'water:nile'),
  water('tigris', 'نهر دجلة', ['دجلة']),
  water('euphrates', 'نهر الفرات', ['الفرات']),
  water('jordan-river', 'نهر الأردن'),
  water('litani', 'نهر الليطاني', ['الليطاني'], 'country:LB'),
  water('danube', 'نهر الدانوب', ['الدانوب']),
  water('dnieper', 'نهر دنيبرو', ['نهر الدنيبر']),
  place('landmark', 'gerd', 'سد النهضة', 'country:ET', ['سد النهضة الإثيوبي', 'سد النهضة الإثيوبي الكبير']),
  place('landmark', 'aswan-high-dam', 'السد العالي', 'city:aswan'),
];
