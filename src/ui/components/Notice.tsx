import type { ComponentChildren } from 'preact';

interface NoticeProps {
  tone?: 'info' | 'ok' | 'warn' | 'bad';
  title?: string;
  children?: ComponentChildren;
}

/** A message box; problems are announced at once (role=alert), the rest politely. */
export function Notice({ tone = 'info', title, children }: NoticeProps) {
  return (
    <div class={`notice ${tone}`} role={tone === 'bad' ? 'alert' : 'status'}>
      {title && <strong>{title}</strong>}
      {children}
    </div>
  );
}
