import {Fragment, useState, type ReactNode} from 'react';
import {resolvePortalAsset, type PortalProfile} from '../../../docspace';
import {usePanelText} from '../wording/usePanelText';
import styles from './styles.module.css';

export interface ProfileProps {
  profile: PortalProfile;
  portalOrigin: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The value with a line-break opportunity before each dot and after each @, so an address wraps there and not mid-word. */
function breakable(value: string): ReactNode {
  const parts: string[] = [];
  let start = 0;
  for (let at = 1; at < value.length; at++) {
    if (value[at] === '.' || value[at - 1] === '@') {
      parts.push(value.slice(start, at));
      start = at;
    }
  }
  parts.push(value.slice(start));
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

/** Who the token belongs to. Every field is portal data, rendered as text only. */
export default function Profile({profile, portalOrigin}: ProfileProps): ReactNode {
  // Only an http(s) image on the portal's own origin; anything else renders no <img> at all.
  const {PROFILE} = usePanelText();
  const avatar = resolvePortalAsset(portalOrigin, profile.avatarMedium ?? profile.avatar);
  const [avatarFailed, setAvatarFailed] = useState(false);
  const rows: [string, string][] = [
    [PROFILE.displayName, text(profile.displayName)],
    [PROFILE.email, text(profile.email)],
    [PROFILE.userName, text(profile.userName)],
    [PROFILE.role, PROFILE.describeRole(profile)],
    [PROFILE.status, PROFILE.describeAccount(profile)],
  ];
  return (
    <div className={styles.profile}>
      <p className={styles.heading}>
        <strong>{PROFILE.call}</strong>
        {PROFILE.answered}
      </p>
      <div className={styles.card}>
        {avatar && !avatarFailed && (
          <img className={styles.avatar} src={avatar} alt="" width={64} height={64} onError={() => setAvatarFailed(true)} />
        )}
        <dl className={styles.fields}>
          {rows.map(([name, value]) => (
            <div key={name} className={styles.row}>
              <dt>{name}</dt>
              <dd>{value ? breakable(value) : PROFILE.empty}</dd>
            </div>
          ))}
        </dl>
      </div>
      <details>
        <summary>{PROFILE.raw}</summary>
        <pre className={styles.json} tabIndex={0}>{JSON.stringify(profile, null, 2)}</pre>
      </details>
    </div>
  );
}
