import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../contract/units';
import { matchUnit, normaliseQuery } from '../unit-search';

interface UnitSelectProps {
  /** Set by Form.Item so that the field's label points at the input. */
  id?: string;
  units: readonly Unit[];
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  allowClear?: boolean;
}

/** Pick a unit by typing any of its names, aliases or its code. */
export default function UnitSelect({ id, units, value, onChange, placeholder, allowClear }: UnitSelectProps) {
  const { t } = useTranslation();
  const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
  const options = useMemo(
    () =>
      units.map((unit) => ({
        value: unit.id,
        label: unit.name,
        kind: t(`kind.${unit.kind}`),
      })),
    [units, t],
  );
  return (
    <Select<number | null>
      id={id}
      showSearch={{
        filterOption: (input, option) => {
          const unit = option ? byId.get(option.value as number) : undefined;
          return unit !== undefined && matchUnit(unit, normaliseQuery(input)) !== null;
        },
      }}
      allowClear={allowClear}
      placeholder={placeholder}
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      optionRender={(option) => (
        <span>
          {option.data.label}
          <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 8, fontSize: 12 }}>{option.data.kind}</span>
        </span>
      )}
    />
  );
}
