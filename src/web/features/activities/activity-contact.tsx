import { useTranslation } from 'react-i18next';
import type { Activity } from '../../api/activities.api.js';

interface Props {
  /** What the server showed: only to the organisers and to a volunteer holding a live sign-up. */
  contact: Activity['contact'];
  signedUp: boolean;
  volunteer: boolean;
}

/** Whom to call about the activity, once signed up; before that, a volunteer learns it will show here. */
export function ActivityContact({ contact, signedUp, volunteer }: Props) {
  const { t } = useTranslation();
  if (!contact) {
    return volunteer && !signedUp ? <p className="hint">{t('activities.contactAfterSignup')}</p> : null;
  }
  return (
    <section className="card activity-contact" aria-labelledby="contact-title" data-testid="activity-contact">
      <h2 id="contact-title">{t('activities.contact')}</h2>
      {contact.name && <p>{contact.name}</p>}
      {contact.phone && (
        <p>
          <a href={`tel:${contact.phone.replace(/[\s-]/g, '')}`}>{contact.phone}</a>
        </p>
      )}
    </section>
  );
}
