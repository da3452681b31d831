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

  it('ends a clause at a 、 that follows a marker, and only there', () => {
    expect(splitMarkedUnits('区政务服务局牵头、区政府各部门负责落实')).toEqual({
      lead: '区政务服务局',
      rest: '区政府各部门',
    });
    expect(splitMarkedUnits('區財政局牽頭、各街道負責')).toEqual({ lead: '區財政局', rest: '各街道' });
    expect(splitMarkedUnits('区发改委、区财政局牵头,各部门配合')).toEqual({
      lead: '区发改委、区财政局',
      rest: '各部门',
    });
  });
});

describe('one unit working with another', () => {
  it('reads A会同B and, between office names, A会B as A leading with B', () => {
    expect(splitMarkedUnits('市财政局会同市发展改革委负责')).toEqual({ lead: '市财政局', rest: '市发展改革委' });
    expect(splitMarkedUnits('宣传处会办公室')).toEqual({ lead: '宣传处', rest: '办公室' });
  });

  it('leaves a name alone where 会 begins or ends a word of its own', () => {
    for (const name of ['财政局会计科', '县财政局会议室', '开发区管委会办公室', '市会展中心'])
      expect(splitMarkedUnits(name)).toEqual({ lead: '', rest: name });
  });

  it('reads the unit before 牵头 or 负责 in a clause that goes on with the work', () => {
    expect(
      splitMarkedUnits('区司法局牵头区级规范性文件集中公开工作,区各制定主体具体落实;各成员单位负责做好本单位公开工作'),
    ).toEqual({
      lead: '区司法局',
      rest: '区各制定主体\n各成员单位',
    });
    // No unit before the marker: the clause stays as printed.
    expect(splitMarkedUnits('确保各项工作由专人负责跟进')).toEqual({ lead: '', rest: '确保各项工作由专人负责跟进' });
  });
});
