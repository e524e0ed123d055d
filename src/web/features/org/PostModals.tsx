// The administrator's forms for a town's posts: add or edit a post (name, board, fixed or special), and set its A, B
// and back-up holders from the staff who may hold them (the server's list; it has the last word).
import { useState } from 'react';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { POST_CODE_PATTERN } from '../../../domain/org/posts.ts';
import { createPost, setPostHolders, updatePost, type PostList, type TownPost } from './posts-api.ts';
import { refusalText } from './refusal-text.ts';

interface PostFields { code: string; name: string; boardId: string; special: boolean }

/** Adds a post (`post` absent, on `boardId`) or edits one. */
export function PostFormModal({ list, post, boardId, onClose, onSaved }: {
  list: PostList; post?: TownPost; boardId?: string; onClose(): void; onSaved(): void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PostFields>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: PostFields) => {
    setBusy(true);
    try {
      const name = v.name.trim();
      if (post) await updatePost(post.id, { name, boardId: v.boardId, special: v.special });
      else await createPost({ code: v.code, name, boardId: v.boardId, special: v.special });
      message.success(t(post ? 'orgAdmin.posts.saved' : 'orgAdmin.posts.created', { name }));
      onSaved();
    } catch (e) {
      message.error(refusalText(e, i18n.language, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open title={post ? t('orgAdmin.posts.editTitle', { name: post.name }) : t('orgAdmin.posts.addTitle')} onCancel={onClose}
      onOk={() => form.submit()} okText={t('orgAdmin.posts.save')} cancelText={t('orgAdmin.posts.cancel')} confirmLoading={busy} destroyOnHidden
      okButtonProps={{ 'data-testid': 'post-form-save' }}
    >
      <Form<PostFields>
        form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="post-form"
        initialValues={{ code: post?.code ?? '', name: post?.name ?? '', boardId: post?.boardId ?? boardId, special: post?.special ?? false }}
      >
        <Form.Item name="code" label={t('orgAdmin.posts.code')} extra={t('orgAdmin.posts.codeHelp')}
          rules={[{ required: true, pattern: new RegExp(POST_CODE_PATTERN), message: t('orgAdmin.posts.codeHelp') }]}>
          <Input disabled={!!post} maxLength={13} data-testid="post-code" />
        </Form.Item>
        <Form.Item name="name" label={t('orgAdmin.posts.name')} rules={[{ required: true, whitespace: true, message: t('orgAdmin.posts.required') }]}>
          <Input maxLength={30} data-testid="post-name" />
        </Form.Item>
        <Form.Item name="boardId" label={t('orgAdmin.posts.board')} rules={[{ required: true, message: t('orgAdmin.posts.required') }]}>
          <Select options={list.boards.map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        <Form.Item name="special">
          <Radio.Group options={[{ value: false, label: t('orgAdmin.posts.fixed') }, { value: true, label: t('orgAdmin.posts.special') }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type HolderFields = { a: string | null; b: string | null; backup: string | null };

/** Sets a post's A, B and back-up holders; a place may stay empty. */
export function PostHoldersModal({ list, post, onClose, onSaved }: { list: PostList; post: TownPost; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<HolderFields>();
  const [busy, setBusy] = useState(false);
  // the current holders stay choosable even if the list of candidates no longer names them
  const known = new Map(list.candidates.map((c) => [c.id, c.name]));
  for (const h of [post.holders.a, post.holders.b, post.holders.backup]) if (h && !known.has(h.id)) known.set(h.id, h.name);
  const options = [...known].map(([value, label]) => ({ value, label }));
  const submit = async (v: HolderFields) => {
    setBusy(true);
    try {
      await setPostHolders(post.id, { a: v.a ?? null, b: v.b ?? null, backup: v.backup ?? null });
      message.success(t('orgAdmin.posts.saved', { name: post.name }));
      onSaved();
    } catch (e) {
      message.error(refusalText(e, i18n.language, t));
    } finally {
      setBusy(false);
    }
  };
  const picker = (slot: keyof HolderFields) => (
    <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} placeholder={t('orgAdmin.posts.pickStaff')} data-testid={`holder-${slot}`} />
  );
  return (
    <Modal
      open title={t('orgAdmin.posts.holdersTitle', { name: post.name })} onCancel={onClose} onOk={() => form.submit()}
      okText={t('orgAdmin.posts.save')} cancelText={t('orgAdmin.posts.cancel')} confirmLoading={busy} destroyOnHidden
    >
      <Form<HolderFields>
        form={form} layout="vertical" onFinish={(v) => void submit(v)}
        initialValues={{ a: post.holders.a?.id ?? null, b: post.holders.b?.id ?? null, backup: post.holders.backup?.id ?? null }}
      >
        <Form.Item name="a" label={t('orgAdmin.posts.holderA')}>{picker('a')}</Form.Item>
        <Form.Item name="b" label={t('orgAdmin.posts.holderB')}>{picker('b')}</Form.Item>
        <Form.Item name="backup" label={t('orgAdmin.posts.backup')} extra={t('orgAdmin.posts.backupHelp')}>{picker('backup')}</Form.Item>
      </Form>
    </Modal>
  );
}
