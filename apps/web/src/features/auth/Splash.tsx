import { LogoMark } from '../../components/icons.tsx';

/** The first paint while we learn whether someone is logged in. */
export function Splash() {
  return (
    <div className="splash" aria-busy="true">
      <LogoMark />
    </div>
  );
}
