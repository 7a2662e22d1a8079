-- The starting catalogue: four kinds of problem, each routed to a team. Admins change it in the console.
insert into teams (team_key, name, created_at) values
  ('content', 'Content review', current_timestamp),
  ('accounts', 'Accounts', current_timestamp),
  ('privacy', 'Privacy & security', current_timestamp),
  ('support', 'Customer service', current_timestamp);

insert into categories (category_key, name_en, name_ru, name_zh, default_team_id, position) values
  ('content', 'Content', 'Контент', '内容', (select id from teams where team_key = 'content'), 10),
  ('account', 'Account', 'Аккаунт', '账号', (select id from teams where team_key = 'accounts'), 20),
  ('privacy', 'Privacy & security', 'Конфиденциальность и безопасность', '隐私与安全', (select id from teams where team_key = 'privacy'), 30),
  ('other', 'Other', 'Другое', '其他', (select id from teams where team_key = 'support'), 40);

insert into subcategories (category_id, subcategory_key, name_en, name_ru, name_zh, position) values
  ((select id from categories where category_key = 'content'), 'platform-rules', 'Breaks the platform rules', 'Нарушение правил платформы', '违反平台规则', 10),
  ((select id from categories where category_key = 'content'), 'games', 'Games', 'Игры', '游戏', 20),
  ((select id from categories where category_key = 'content'), 'streamer-behaviour', 'Streamer behaviour', 'Поведение стримера', '主播行为', 30),
  ((select id from categories where category_key = 'content'), 'copyright', 'Copyright', 'Авторские права', '版权', 40),
  ((select id from categories where category_key = 'account'), 'hacked', 'Hacked or stolen account', 'Взлом или кража аккаунта', '账号被盗', 10),
  ((select id from categories where category_key = 'account'), 'blocked', 'Blocked or restricted account', 'Блокировка или ограничение аккаунта', '账号被封禁或限制', 20),
  ((select id from categories where category_key = 'account'), 'impersonation', 'Impersonation', 'Выдача себя за другого', '冒充他人', 30),
  ((select id from categories where category_key = 'privacy'), 'personal-data', 'My personal data is exposed', 'Раскрыты мои персональные данные', '个人信息被泄露', 10),
  ((select id from categories where category_key = 'privacy'), 'harassment', 'Harassment or threats', 'Травля или угрозы', '骚扰或威胁', 20),
  ((select id from categories where category_key = 'other'), 'customer-service', 'Customer service', 'Обслуживание клиентов', '客户服务', 10),
  ((select id from categories where category_key = 'other'), 'billing', 'Payments and billing', 'Платежи', '付款与账单', 20);
