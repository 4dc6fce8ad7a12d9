import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { input as payInput, type PayOutput, type PaySource, type PersonIn } from '../../../../shared/contracts/pay';
import type { Envelope } from '../../../../shared/contracts/envelope';
import type { BindingView } from '../../../../shared/contracts/family';
import { ActionButton } from '../../components/ActionButton';
import { Heading } from '../../components/Heading';
import { PageRoot } from '../../components/PageRoot';
import { checkForm } from '../../lib/form';
import { formatDateTimeCn } from '../../lib/format';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { emptySelection, peopleOf, selectionSize, type PaySelection } from '../../lib/pay-selection';
import { call, clientErrors } from '../../services/api';
import { useAction } from '../../services/use-action';
import { useCall, type CallState } from '../../services/use-call';
import { useToday } from '../../services/use-meta';
import { ChoosePeople } from './ChoosePeople';
import { ConfirmStep } from './ConfirmStep';
import { PaymentResult } from './PaymentResult';
import { openPaySheet } from './pay-sheet';
import { PreviewStep } from './PreviewStep';
import type { SourceOption } from './SourceChoice';
import './index.css';

type Preview = Extract<PayOutput, { action: 'preview' }>;
type Previews = Record<PaySource, Envelope<Preview>>;
/** The previews and the people they were made for: the order is created for exactly these people. */
type Previewed = { people: PersonIn[]; bySource: Previews };
type OrderView = Extract<PayOutput, { action: 'create' }>['order'];

const SOURCES: readonly PaySource[] = ['wechat', 'employee-account'];

function optionsOf(previews: Previews): SourceOption[] {
  return SOURCES.map((source) => {
    const reply = previews[source];
    return reply.ok ? { source, allowed: true } : { source, allowed: false, reason: reply.error.message };
  });
}

/** `pay.preview` for one way of paying, narrowed to its answer. */
async function previewOf(people: PersonIn[], source: PaySource): Promise<Envelope<Preview>> {
  const reply = await call('pay', { action: 'preview', people, source });
  if (!reply.ok) return reply;
  return reply.data.action === 'preview'
    ? { ok: true, data: reply.data }
    : { ok: false, error: { ...clientErrors.badReply } };
}

/** The family list narrowed to its `list` answer, for the chooser. */
function useConfirmedRelatives() {
  const { state, retry } = useCall('family', { action: 'list' });
  const listState: CallState<{ mine: BindingView[] }> =
    state.status !== 'ready'
      ? state
      : state.data.action === 'list'
        ? { status: 'ready', data: { mine: state.data.mine } }
        : { status: 'error', message: clientErrors.badReply.message };
  return { state: listState, retry };
}

/** 家庭代缴: choose people → preview per person → confirm the totals → pay → result. */
export default function Pay() {
  const orderNoParam = useRouter().params.orderNo;
  return (
    <PageRoot>
      <Heading level={1}>家庭代缴</Heading>
      {orderNoParam ? <PaymentResult orderNo={decodeURIComponent(orderNoParam)} initial={null} /> : <PayFlow />}
    </PageRoot>
  );
}

function PayFlow() {
  const today = useToday();
  const family = useConfirmedRelatives();
  const [selection, setSelection] = useState<PaySelection>(emptySelection);
  const [step, setStep] = useState<'choose' | 'preview' | 'confirm'>('choose');
  const [previews, setPreviews] = useState<Previewed | null>(null);
  // Bumped on every change of whom to pay for: a preview that answers after such a change is dropped.
  const selectionVersion = useRef(0);
  const [source, setSource] = useState<PaySource>('wechat');
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);
  // One key per confirmation: every retry of it (double tap, lost reply, cancelled sheet) is the same order.
  const [idempotencyKey, setIdempotencyKey] = useState<string | null>(null);
  const [payError, setPayError] = useState<string | null>(null);
  const [unpaidOrderNo, setUnpaidOrderNo] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [result, setResult] = useState<{ orderNo: string; initial: OrderView | null } | null>(null);
  const create = useAction('pay');
  const cancel = useAction('pay');

  const choose = (next: PaySelection) => {
    selectionVersion.current += 1;
    setPreviewing(false);
    setSelection(next);
    setPreviews(null);
    setPreviewError(null);
  };

  const preview = async () => {
    const people = peopleOf(selection);
    const checked = checkForm(payInput, { action: 'preview', people, source: 'wechat' });
    if (!checked.ok) {
      setPreviewError(checked.errors.people ?? Object.values(checked.errors)[0] ?? '请检查缴费人');
      return;
    }
    const version = selectionVersion.current;
    setPreviewing(true);
    setPreviewError(null);
    const [wechat, employee] = await Promise.all([previewOf(people, 'wechat'), previewOf(people, 'employee-account')]);
    if (version !== selectionVersion.current) return;
    setPreviewing(false);
    if (!wechat.ok && !employee.ok) {
      setPreviewError(wechat.error.message);
      return;
    }
    setPreviews({ people, bySource: { wechat, 'employee-account': employee } });
    setSource(wechat.ok ? 'wechat' : 'employee-account');
    setStep('preview');
  };

  const toConfirm = () => {
    setIdempotencyKey(newIdempotencyKey());
    setPayError(null);
    setUnpaidOrderNo(null);
    setStep('confirm');
  };

  const pay = async () => {
    if (!idempotencyKey || !previews) return;
    setPayError(null);
    const reply = await create.run({ action: 'create', people: previews.people, source, idempotencyKey });
    if (!reply) return; // a second tap while the first is on its way
    if (!reply.ok) {
      setPayError(reply.error.message);
      return;
    }
    if (reply.data.action !== 'create') return;
    const { order, payParams } = reply.data;
    if (order.state !== 'pending' || !payParams) {
      setResult({ orderNo: order.orderNo, initial: order.state !== 'pending' ? order : null });
      return;
    }
    const sheet = await openPaySheet(payParams, order.orderNo);
    switch (sheet.kind) {
      case 'submitted':
        setResult({ orderNo: order.orderNo, initial: null });
        return;
      case 'left':
        setLeaving(true);
        return;
      case 'cancelled':
        setUnpaidOrderNo(order.orderNo);
        setPayError(`您已取消支付，未扣款。订单保留至 ${formatDateTimeCn(order.expiresAt)}，可重新支付或取消订单。`);
        return;
      case 'error':
        setUnpaidOrderNo(order.orderNo);
        setPayError(sheet.message);
    }
  };

  const cancelOrder = async () => {
    if (!unpaidOrderNo) return;
    const reply = await cancel.run({ action: 'cancel', orderNo: unpaidOrderNo });
    if (reply?.ok) {
      setUnpaidOrderNo(null);
      setIdempotencyKey(null);
      setStep('preview');
    } else if (reply) {
      setPayError(reply.error.message);
    }
  };

  if (result) return <PaymentResult orderNo={result.orderNo} initial={result.initial} />;
  if (leaving) {
    return (
      <View className="card state" role="status">
        <Text>正在打开支付页面…</Text>
      </View>
    );
  }

  const chosen = previews?.bySource[source];
  if (step === 'preview' && previews && chosen?.ok) {
    return (
      <PreviewStep
        people={chosen.data.people}
        total={chosen.data.total}
        source={source}
        options={optionsOf(previews.bySource)}
        onSource={setSource}
        onNext={toConfirm}
        onBack={() => setStep('choose')}
      />
    );
  }
  if (step === 'confirm' && chosen?.ok) {
    return (
      <ConfirmStep
        people={chosen.data.people}
        source={source}
        warnings={chosen.data.warnings}
        paying={create.state.status === 'running' || cancel.state.status === 'running'}
        error={payError}
        onPay={pay}
        onBack={() => setStep('preview')}
        {...(unpaidOrderNo ? { onCancelOrder: cancelOrder } : {})}
      />
    );
  }
  return (
    <View>
      <ChoosePeople family={family} selection={selection} onChange={choose} today={today} />
      {previewError ? (
        <View className="form-error multiline" role="alert">
          <Text>{previewError}</Text>
        </View>
      ) : null}
      <ActionButton kind="primary" loading={previewing} disabled={selectionSize(selection) === 0} onClick={preview}>
        下一步：查看缴费明细
      </ActionButton>
    </View>
  );
}
