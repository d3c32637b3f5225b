import { SEAL_RED } from '../theme';

/** The product mark: the character 落 in a seal-red square. */
export default function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: size,
        height: size,
        borderRadius: size / 6,
        background: SEAL_RED,
        color: '#fff',
        fontSize: size * 0.6,
        fontWeight: 700,
        lineHeight: 1,
        flex: 'none',
      }}
    >
      落
    </span>
  );
}
