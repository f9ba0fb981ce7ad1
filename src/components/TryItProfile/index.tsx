import {useState, type ReactNode} from 'react';
import {describeRole, describeStatus, resolvePortalAsset, type PortalProfile} from '../../docspace';
import styles from './styles.module.css';

export interface TryItProfileProps {
  profile: PortalProfile;
  portalOrigin: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Who the token belongs to. Every field is portal data, rendered as text only. */
export default function TryItProfile({profile, portalOrigin}: TryItProfileProps): ReactNode {
  // Only an http(s) image on the portal's own origin; anything else renders no <img> at all.
  const avatar = resolvePortalAsset(portalOrigin, profile.avatarMedium ?? profile.avatar);
  const [avatarFailed, setAvatarFailed] = useState(false);
  const rows: [string, string][] = [
    ['Display name', text(profile.displayName)],
    ['Email', text(profile.email)],
    ['User name', text(profile.userName)],
    ['Role', describeRole(profile)],
    ['Status', describeStatus(profile)],
  ];
  return (
    <div className={styles.profile}>
      <p className={styles.heading}>
        <strong>GET /people/@self</strong> answered: the token works for this user.
      </p>
      <div className={styles.card}>
        {avatar && !avatarFailed && (
          <img className={styles.avatar} src={avatar} alt="" width={64} height={64} onError={() => setAvatarFailed(true)} />
        )}
        <dl className={styles.fields}>
          {rows.map(([name, value]) => (
            <div key={name} className={styles.row}>
              <dt>{name}</dt>
              <dd>{value || '—'}</dd>
            </div>
          ))}
        </dl>
      </div>
      <details>
        <summary>Raw JSON</summary>
        <pre className={styles.json} tabIndex={0}>{JSON.stringify(profile, null, 2)}</pre>
      </details>
    </div>
  );
}
