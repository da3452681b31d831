import { describe, expect, it } from 'vitest';
import { splitClauseBracket } from './brackets';

describe('splitClauseBracket', () => {
  it('splits lead and responsible parts', () => {
    expect(splitClauseBracket('推进决策公开。……公开。[县政府办公室牵头,县直有关部门、各乡(镇)人民政府负责]')).toEqual({
      body: '推进决策公开。……公开。',
      bracket: '[县政府办公室牵头,县直有关部门、各乡(镇)人民政府负责]',
      lead: '县政府办公室',
      responsible: '县直有关部门、各乡(镇)人民政府',
    });
    expect(splitClauseBracket('開放開發。(縣數字辦牽頭,縣直有關部門負責)')).toMatchObject({
      lead: '縣數字辦',
      responsible: '縣直有關部門',
    });
    expect(splitClauseBracket('整改。(县政府办公室牵头)')).toMatchObject({ lead: '县政府办公室', responsible: '' });
    expect(splitClauseBracket('到位。[縣直有關部門、各鄉(鎮)人民政府負責]')).toMatchObject({
      lead: '',
      responsible: '縣直有關部門、各鄉(鎮)人民政府',
    });
  });

  it('leaves clauses without a unit bracket alone', () => {
    expect(splitClauseBracket('推行公开(PPP)')).toEqual({
      body: '推行公开(PPP)',
      bracket: '',
      lead: '',
      responsible: '',
    });
    expect(splitClauseBracket('没有括号。').bracket).toBe('');
  });
});
