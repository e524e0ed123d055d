// The head of every desktop page: its title, a line on what the page is for, and the page's own controls on the right.
import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="zz-page-head" data-testid="page-header">
      <div className="zz-page-title">
        <Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? <div className="zz-page-extra">{extra}</div> : null}
    </div>
  );
}
