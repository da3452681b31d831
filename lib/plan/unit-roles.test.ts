import { describe, expect, it } from 'vitest';
import { splitMarkedUnits } from './unit-roles';

describe('units marked inside one cell', () => {
  it('splits 牵头 from 配合', () => {
    expect(splitMarkedUnits('办公室牵头,各科室配合')).toEqual({ lead: '办公室', rest: '各科室' });
    expect(splitMarkedUnits('市发展改革委牵头，市住建局等政府各有关部门负责')).toEqual({
      lead: '市发展改革委',
      rest: '市住建局等政府各有关部门',
    });
  });

  it('never invents a lead: 负责落实 alone is responsible, an unmarked list is returned whole', () => {
    expect(splitMarkedUnits('市政府各有关部门,各县市区人民政府、功能区管委会负责落实')).toEqual({
      lead: '',
      rest: '市政府各有关部门\n各县市区人民政府、功能区管委会',
    });
    expect(splitMarkedUnits('县财政局,各乡镇')).toEqual({ lead: '', rest: '县财政局,各乡镇' });
  });
});
