/** Text that exercises every mrkdwn rule, hostile parts included (as Slack would store them). */
export const GALLERY_MRKDWN = [
  '*bold* _italic_ ~strike~ `code` &lt;img src=x onerror=alert(1)&gt; &amp; snake_case_name',
  '<https://example.com/a?b=1&amp;c=2|a link> <javascript:alert(1)|bad link> <@U0ALICE> <@U0BOB>',
  '<#C0ALERTS|backup-alerts> <!here> :white_check_mark: :x: :no_such_emoji: <!date^1795000000^{date_num} {time}|the fallback>',
  '> quoted *line*',
  '```pre *not bold* <b>\nline 2```',
].join('\n');

const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });

/** A message with every block and element the playground draws, and a few it must refuse to link. */
export function galleryBlocks(origin: string): Record<string, unknown>[] {
  const icon = `${origin}/static/app-icon.svg`;
  return [
    { type: 'header', text: plain(':rotating_light: Gallery & <friends>') },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: GALLERY_MRKDWN },
      accessory: {
        type: 'overflow',
        action_id: 'g_overflow',
        options: [
          { text: plain('Retry'), value: 'retry' },
          { text: plain('Mute'), value: 'mute' },
        ],
      },
    },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*State*\n:red_circle: Failed' },
        { type: 'plain_text', text: 'Plain <b>field</b>' },
      ],
      accessory: {
        type: 'static_select',
        action_id: 'g_select',
        placeholder: plain('Pick a job'),
        options: [
          { text: plain('Job one'), value: 'one' },
          { text: plain('Job two'), value: 'two' },
        ],
      },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: 'With an image accessory' },
      accessory: { type: 'image', image_url: icon, alt_text: 'accessory icon' },
    },
    {
      type: 'context',
      elements: [
        { type: 'image', image_url: icon, alt_text: 'context icon' },
        { type: 'mrkdwn', text: 'context *text*' },
      ],
    },
    { type: 'divider' },
    { type: 'image', image_url: icon, alt_text: 'big icon', title: plain('An image block') },
    {
      type: 'table',
      column_settings: [{ align: 'left' }, { align: 'right' }],
      rows: [
        [
          { type: 'raw_text', text: 'Name' },
          { type: 'raw_text', text: 'Count' },
        ],
        [
          { type: 'raw_text', text: '<b>x</b>' },
          {
            type: 'rich_text',
            elements: [
              { type: 'rich_text_section', elements: [{ type: 'text', text: '12', style: { bold: true } }] },
            ],
          },
        ],
      ],
    },
    {
      type: 'rich_text',
      elements: [
        {
          type: 'rich_text_section',
          elements: [
            { type: 'text', text: 'rich ', style: { bold: true } },
            { type: 'link', url: 'https://example.com/r', text: 'link' },
            { type: 'emoji', name: 'tada' },
            { type: 'user', user_id: 'U0BOB' },
          ],
        },
        {
          type: 'rich_text_list',
          style: 'bullet',
          elements: [
            { type: 'rich_text_section', elements: [{ type: 'text', text: 'item one' }] },
            { type: 'rich_text_section', elements: [{ type: 'text', text: 'item two' }] },
          ],
        },
        { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'pre <b>' }] },
      ],
    },
    {
      type: 'actions',
      elements: [
        { type: 'button', text: plain('Approve'), style: 'primary', action_id: 'g_ok', value: 'ok' },
        { type: 'button', text: plain('Delete'), style: 'danger', action_id: 'g_delete', value: 'del' },
        { type: 'button', text: plain('Open icon'), url: icon, action_id: 'g_url' },
        { type: 'button', text: plain('Evil'), url: 'javascript:alert(1)', action_id: 'g_evil' },
      ],
    },
  ];
}
