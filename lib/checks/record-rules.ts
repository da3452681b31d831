/**
 * What a record's own values say about which elements it owes: whether its party is an organisation or a natural
 * person (双公示: 统一社会信用代码 and 法定代表人 only for 法人和其他组织), and whether a service is free (收费依据 only
 * for a charged service). Decides only the kind, from the printed value; `null` when the value does not tell.
 */
import { removeSpaces } from '../text/whitespace';

export type PartyKind = 'organisation' | 'person';

/**
 * Name endings of 法人和其他组织 (GB/T 20091—2006 组织机构类型; 市场主体登记: 公司, 合伙企业, 个体工商户字号; 机关,
 * 事业单位, 社会团体, 民办非企业单位, 基层群众性自治组织).
 */
const ORGANISATION =
  /(公司|分公司|支公司|银行|分行|支行|营业部|合作社|联合社|企业|集团|厂|店|行|馆|社|中心|站|所|院|校|学校|幼儿园|医院|诊所|药房|协会|学会|商会|基金会|委员会|村委会|居委会|局|处|办公室|部|队|场|公寓|酒店|宾馆|超市|商场|市场|门市部|经营部|工作室|俱乐部)$/;

/** A person as disclosures print one: 2–4 Han characters, or a masked name (张某, 李某某, 陈某香), maybe with a role in brackets. */
const PERSON = /^[\u4e00-\u9fff]{1,2}(某{1,2}[\u4e00-\u9fff]?|[\u4e00-\u9fff]{1,2})$/;

export function partyKind(value: string | null | undefined): PartyKind | null {
  if (!value) return null;
  // The role or unit in brackets after a person's name (蒋某（某银行资产托管部）) says where the person works.
  const name = value
    .replace(/[（(][^）)]*[）)]\s*$/, '')
    .replace(/[\s\u3000]/g, '')
    .trim();
  if (name.length === 0) return null;
  if (ORGANISATION.test(name) || name.length > 8) return 'organisation';
  if (PERSON.test(name) || /某/.test(name)) return 'person';
  return null;
}

/** 收费标准 / 是否收费 values that say the service costs nothing. */
export function saysFree(value: string | null | undefined): boolean {
  if (!value) return false;
  const v = removeSpaces(value);
  return /^(无|否|免费|0元|零)$/.test(v) || /(不收费|免费|免收|无收费|不收取|无需缴费|(?<![\d.])0元)/.test(v);
}
