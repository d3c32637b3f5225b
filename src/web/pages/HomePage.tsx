import { CheckCircleOutlined, ClockCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Badge, Card, Col, Empty, Flex, List, Row, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { visibleAreas } from '../areas';
import { useCurrentUser, useSessionAllowed } from '../session';
import { useTodoCounts, useTodos } from '../todos';
import { formatTime } from './consultations/ui';
import type { Todo } from '../../contract/todos';
import LedgerGlance from './ledger/LedgerGlance';

const AREA_COLOURS: Record<Todo['area'], string> = { plans: 'gold', consultations: 'blue', ledger: 'cyan', rounds: 'geekblue', users: 'purple' };

/** One entry: what to do (or what was done), where, and by when; the whole line links to the page where the work is done. */
function TodoEntry({ todo, done }: { todo: Todo; done: boolean }) {
  const { t } = useTranslation();
  return (
    <List.Item style={{ paddingInline: 0 }} data-testid={done ? 'done-item' : 'todo-item'} data-kind={todo.kind}>
      <Link to={todo.href} style={{ display: 'flex', alignItems: 'center', gap: 12, width: '100%', color: 'inherit', minWidth: 0 }}>
        <Tag color={AREA_COLOURS[todo.area]} style={{ flex: 'none', marginInlineEnd: 0 }}>
          {t(`workbench.kinds.${todo.area}`)}
        </Tag>
        <Flex vertical style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text style={{ overflowWrap: 'anywhere' }} data-testid="todo-title">
            {todo.title}
          </Typography.Text>
          {done ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <CheckCircleOutlined style={{ marginInlineEnd: 4 }} />
              {t('workbench.doneAt', { at: formatTime(todo.doneAt) })}
            </Typography.Text>
          ) : (
            todo.dueAt && (
              <Typography.Text type={todo.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                <ClockCircleOutlined style={{ marginInlineEnd: 4 }} />
                {t('workbench.due', { at: formatTime(todo.dueAt) })}
                {todo.overdue && (
                  <Tag color="red" style={{ marginInlineStart: 8 }}>
                    {t('workbench.overdue')}
                  </Tag>
                )}
              </Typography.Text>
            )
          )}
        </Flex>
        <RightOutlined style={{ flex: 'none', color: 'rgba(0,0,0,0.35)' }} />
      </Link>
    </List.Item>
  );
}

function TodoList({ done }: { done: boolean }) {
  const { t } = useTranslation();
  const todos = useTodos(done);
  if (todos.error) return <Alert type="error" showIcon title={t('workbench.loadFailed', { message: todos.error.message })} />;
  return (
    <List<Todo>
      loading={todos.isPending}
      dataSource={todos.data ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={done ? t('workbench.emptyDone') : t('workbench.emptyTodo')} /> }}
      renderItem={(todo) => <TodoEntry todo={todo} done={done} />}
      pagination={(todos.data?.length ?? 0) > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      data-testid={done ? 'done-list' : 'todo-list'}
    />
  );
}

/** The home page of every role is its work: 待办 and 已办, each entry linking to where it is done. */
export default function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const allowed = useSessionAllowed();
  const areas = visibleAreas(allowed).filter((area) => area.built);
  const { total } = useTodoCounts();
  const [tab, setTab] = useState('todo');
  return (
    <>
      <Flex vertical style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.greeting', { name: user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.subtitle', { unit: user.unitName, role: t(`role.${user.role}`) })}</Typography.Text>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card size="small" title={t('workbench.title')} data-testid="workbench">
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                {
                  key: 'todo',
                  label: (
                    <span data-testid="tab-todo">
                      {t('workbench.todo')} <Badge count={total} size="small" showZero={false} style={{ marginInlineStart: 4 }} />
                    </span>
                  ),
                  children: <TodoList done={false} />,
                },
                { key: 'done', label: <span data-testid="tab-done">{t('workbench.done')}</span>, children: tab === 'done' && <TodoList done /> },
              ]}
            />
          </Card>
          {user.role === 'office' && (
            <div style={{ marginTop: 16 }}>
              <LedgerGlance />
            </div>
          )}
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={t('workbench.areas')}>
            <Flex vertical gap={4}>
              {areas.map((area) => (
                <Link key={area.key} to={area.path} style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '6px 4px' }}>
                  <span style={{ color: '#1d5bb8' }}>{area.icon}</span>
                  {t(`nav.${area.key}`)}
                </Link>
              ))}
              {allowed.manageUsers && (
                <Link to="/about" style={{ padding: '6px 4px', fontSize: 13 }} data-testid="about-link">
                  {t('workbench.about')}
                </Link>
              )}
            </Flex>
          </Card>
        </Col>
      </Row>
    </>
  );
}
