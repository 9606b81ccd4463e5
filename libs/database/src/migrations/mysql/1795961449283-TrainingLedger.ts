import { MigrationInterface, QueryRunner } from 'typeorm';

export class TrainingLedger1795961449283 implements MigrationInterface {
  name = 'TrainingLedger1795961449283';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`training_record\` (\`id\` varchar(36) NOT NULL, \`teacher_id\` varchar(36) NOT NULL, \`county_id\` varchar(6) NOT NULL, \`title\` varchar(200) NOT NULL, \`provider\` varchar(200) NOT NULL, \`category\` varchar(16) NOT NULL, \`hours\` decimal(7,2) NOT NULL, \`start_date\` date NOT NULL, \`end_date\` date NOT NULL, \`status\` varchar(10) NOT NULL, \`kind\` varchar(10) NOT NULL, \`reverses_id\` varchar(36) NULL, \`reason\` varchar(500) NULL, \`submitted_by\` varchar(36) NULL, \`submitted_at\` datetime(3) NOT NULL, \`decided_by\` varchar(36) NULL, \`decided_at\` datetime(3) NULL, \`version\` int NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_2e43eade4b3890fa16cfd11995\` (\`reverses_id\`), INDEX \`IDX_db63ed9d7f4ef3033d1e5ef179\` (\`county_id\`, \`start_date\`), INDEX \`IDX_b5fc7f4f43fc3ca3563c6f993d\` (\`teacher_id\`, \`start_date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`training_record\` ADD CONSTRAINT \`FK_7c880b3aa55f6c3718af425094b\` FOREIGN KEY (\`teacher_id\`) REFERENCES \`teacher\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`training_record\` ADD CONSTRAINT \`FK_2e43eade4b3890fa16cfd119950\` FOREIGN KEY (\`reverses_id\`) REFERENCES \`training_record\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`training_record\` DROP FOREIGN KEY \`FK_2e43eade4b3890fa16cfd119950\``);
    await queryRunner.query(`ALTER TABLE \`training_record\` DROP FOREIGN KEY \`FK_7c880b3aa55f6c3718af425094b\``);
    await queryRunner.query(`DROP INDEX \`IDX_b5fc7f4f43fc3ca3563c6f993d\` ON \`training_record\``);
    await queryRunner.query(`DROP INDEX \`IDX_db63ed9d7f4ef3033d1e5ef179\` ON \`training_record\``);
    await queryRunner.query(`DROP INDEX \`IDX_2e43eade4b3890fa16cfd11995\` ON \`training_record\``);
    await queryRunner.query(`DROP TABLE \`training_record\``);
  }
}
