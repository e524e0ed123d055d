// /m/meetings/:id/check-in?token=…: where the sign-in QR code of a 坝坝议事 leads. Signing in happens as the page opens
// (once per person: a second scan says so), then one tap leads to the agenda and the votes.
import { useEffect, useRef, useState } from 'react';
import { Button, Result } from 'antd-mobile';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { attend, type AttendanceAnswer } from './api.ts';
import { isNotInRegistry, Loading, ResidentPage } from './parts.tsx';

export function CheckInPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token');
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<{ answer?: AttendanceAnswer; error?: string }>({});
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    attend(id, token).then(
      (answer) => setState({ answer }),
      (e: unknown) => setState({ error: isNotInRegistry(e) ? t('pm.common.notInRegistry') : errorText(e, i18n.language) }),
    );
  }, [id, token, t, i18n.language]);
  const a = state.answer;
  return (
    <ResidentPage title={t('pm.checkin.title')} back={`/m/meetings/${id}`} testId="m-checkin"
      footer={<Button color="primary" onClick={() => navigate(`/m/meetings/${id}`, { replace: true })} data-testid="m-checkin-go">{t('pm.checkin.toMeeting')}</Button>}>
      {!token ? <Result status="warning" title={t('pm.checkin.noToken')} />
        : state.error ? <Result status="error" title={t('pm.checkin.failed')} description={state.error} />
        : a ? (
          <Result status="success" title={a.created ? t('pm.checkin.done') : t('pm.checkin.already')}
            description={a.points ? t('pm.checkin.points', { points: a.points }) : undefined} data-testid="m-checkin-ok" />
        ) : <Loading />}
    </ResidentPage>
  );
}
